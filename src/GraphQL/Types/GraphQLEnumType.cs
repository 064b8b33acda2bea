using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Types;

/// <summary>An enum: a leaf whose values are names, each standing for an internal value.</summary>
public sealed class GraphQLEnumType : GraphQLNamedType, IGraphQLLeafType
{
    private readonly OrderedDictionary<string, GraphQLEnumValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<object, GraphQLEnumValue> _byInternalValue = [];

    public GraphQLEnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>Values in declaration order.</summary>
    public IReadOnlyList<GraphQLEnumValue> Values => _values.Values;

    /// <summary>CLR enum this type was mapped from, if any.</summary>
    public Type? ClrType { get; internal set; }

    public GraphQLEnumValue? GetValue(string name) => _values.GetValueOrDefault(name);

    /// <summary>Result coercion: the name of the value whose internal value equals <paramref name="value"/>.</summary>
    public object? Serialize(object value)
    {
        if (_byInternalValue.TryGetValue(value, out var found))
        {
            return found.Name;
        }

        // A name, or a CLR enum member of an enum declared in SDL (NewHope for NEW_HOPE), serializes by name.
        if (value is string or Enum
            && (_values.TryGetValue(value.ToString()!, out var byName) || _values.TryGetValue(ConstantCase.ToConstantCase(value.ToString()!), out byName)))
        {
            return byName.Name;
        }

        throw new GraphQLError($"Enum \"{Name}\" cannot represent value: {Inspect.Value(value)}");
    }

    /// <summary>Input coercion of a variable value: a string naming one of the values.</summary>
    public object? ParseValue(object value)
    {
        if (value is not string name)
        {
            throw new GraphQLError($"Enum \"{Name}\" cannot represent non-string value: {Inspect.Value(value)}.{DidYouMean(value.ToString() ?? string.Empty)}");
        }

        return _values.TryGetValue(name, out var found)
            ? found.Value
            : throw new GraphQLError($"Value \"{name}\" does not exist in \"{Name}\" enum.{DidYouMean(name)}");
    }

    /// <summary>Input coercion of a literal: only an enum literal (not a string) naming one of the values.</summary>
    public object? ParseLiteral(Language.ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not Language.EnumValueNode enumLiteral)
        {
            var printed = Language.Printer.Print(literal);
            throw new GraphQLError($"Enum \"{Name}\" cannot represent non-enum value: {printed}.{DidYouMean(printed)}");
        }

        return _values.TryGetValue(enumLiteral.Value, out var found)
            ? found.Value
            : throw new GraphQLError($"Value \"{enumLiteral.Value}\" does not exist in \"{Name}\" enum.{DidYouMean(enumLiteral.Value)}");
    }

    internal void AddValue(GraphQLEnumValue value)
    {
        if (!_values.TryAdd(value.Name, value))
        {
            throw new SchemaBuildException($"Enum value {Name}.{value.Name} is defined more than once.");
        }

        if (value.Value is not null)
        {
            _byInternalValue.TryAdd(value.Value, value);
        }
    }

    private string DidYouMean(string input) => Suggestions.DidYouMean("the enum value", Suggestions.SuggestionList(input, _values.Keys));
}

/// <summary>One value of an enum type.</summary>
public sealed class GraphQLEnumValue
{
    public GraphQLEnumValue(string name, object? value, string? description = null)
    {
        Name = name;
        Value = value;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The value resolvers see and return (the name itself unless mapped, e.g. to a CLR enum member).</summary>
    public object? Value { get; }

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;
}
