namespace GraphReports.GraphQL.Types;

/// <summary>An object or interface type: a type with output fields that may implement interfaces.</summary>
public abstract class GraphQLFieldsType : GraphQLNamedType
{
    private readonly OrderedDictionary<string, GraphQLField> _fields = new(StringComparer.Ordinal);
    private readonly List<GraphQLInterfaceType> _interfaces = [];

    private protected GraphQLFieldsType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>Fields in declaration order.</summary>
    public IReadOnlyDictionary<string, GraphQLField> Fields => _fields;

    /// <summary>Interfaces this type declares it implements, in declaration order.</summary>
    public IReadOnlyList<GraphQLInterfaceType> Interfaces => _interfaces;

    /// <summary>The field named <paramref name="name"/>, or null (meta fields are found through <see cref="GraphQLSchema.GetField"/>).</summary>
    public GraphQLField? GetField(string name) => _fields.GetValueOrDefault(name);

    internal void AddField(GraphQLField field)
    {
        if (!_fields.TryAdd(field.Name, field))
        {
            throw new SchemaBuildException($"{Name}.{field.Name} is defined more than once.");
        }
    }

    internal void AddInterface(GraphQLInterfaceType type) => _interfaces.Add(type);
}

/// <summary>An object type: the only kind of type a resolver's value can finally be.</summary>
public sealed class GraphQLObjectType : GraphQLFieldsType
{
    public GraphQLObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// Optional test that a runtime value belongs to this type, used to resolve an abstract type when the
    /// interface or union has no <c>ResolveType</c>.
    /// </summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    /// <summary>CLR type whose instances are values of this type (abstract type resolution falls back to it).</summary>
    public Type? ClrType { get; internal set; }
}

/// <summary>An interface: a set of fields that objects (and other interfaces) implement.</summary>
public sealed class GraphQLInterfaceType : GraphQLFieldsType, IGraphQLAbstractType
{
    public GraphQLInterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    /// <inheritdoc />
    public TypeResolver? ResolveType { get; internal set; }
}

/// <summary>A union of object types.</summary>
public sealed class GraphQLUnionType : GraphQLNamedType, IGraphQLAbstractType
{
    private readonly List<GraphQLObjectType> _types = [];

    public GraphQLUnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    /// <summary>Member types in declaration order.</summary>
    public IReadOnlyList<GraphQLObjectType> Types => _types;

    /// <inheritdoc />
    public TypeResolver? ResolveType { get; internal set; }

    internal void AddType(GraphQLObjectType type) => _types.Add(type);
}

/// <summary>Names the object type of a runtime value of an abstract type (null when it cannot tell).</summary>
public delegate string? TypeResolver(object value, Execution.ResolveFieldContext context);

/// <summary>Interfaces and unions: their values are of one of several object types.</summary>
public interface IGraphQLAbstractType
{
    string Name { get; }

    /// <summary>Optional resolver of the concrete object type; when null, <c>IsTypeOf</c>, a <c>__typename</c> key or the CLR type decide.</summary>
    TypeResolver? ResolveType { get; }
}
