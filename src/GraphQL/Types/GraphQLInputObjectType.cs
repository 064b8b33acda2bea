namespace GraphReports.GraphQL.Types;

/// <summary>
/// An input object. With <see cref="IsOneOf"/> (<c>@oneOf</c>), exactly one field must be given and
/// it must not be null. Coerced values are <see cref="IReadOnlyDictionary{TKey, TValue}"/> of field name to value.
/// </summary>
public sealed class GraphQLInputObjectType : GraphQLNamedType
{
    private readonly OrderedDictionary<string, GraphQLInputField> _fields = new(StringComparer.Ordinal);

    public GraphQLInputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyDictionary<string, GraphQLInputField> Fields => _fields;

    public bool IsOneOf { get; internal set; }

    public GraphQLInputField? GetField(string name) => _fields.GetValueOrDefault(name);

    internal void AddField(GraphQLInputField field)
    {
        if (!_fields.TryAdd(field.Name, field))
        {
            throw new SchemaBuildException($"Input field {Name}.{field.Name} is defined more than once.");
        }
    }
}
