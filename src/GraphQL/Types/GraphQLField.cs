using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
public sealed class GraphQLField
{
    private readonly OrderedDictionary<string, GraphQLArgument> _arguments = new(StringComparer.Ordinal);

    public GraphQLField(string name, GraphQLType type, string? description = null)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public GraphQLType Type { get; internal set; }

    public string? Description { get; internal set; }

    /// <summary>Arguments in declaration order.</summary>
    public IReadOnlyList<GraphQLArgument> Arguments => _arguments.Values;

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Resolves the field's value; null means the default resolver (dictionary key or CLR property).</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>Weight of the field in static cost analysis; null means the options' default (1).</summary>
    public int? Cost { get; internal set; }

    /// <summary>For list fields: arguments whose value bounds the list's size (for example <c>limit</c>, <c>first</c>).</summary>
    public IReadOnlyList<string> SizeArguments { get; internal set; } = [];

    /// <summary>For list fields: assumed size when no size argument is given; null means the options' default.</summary>
    public int? AssumedSize { get; internal set; }

    /// <summary>The field's own weight computed from its selection (arguments, ancestors); replaces <see cref="Cost"/> when set.</summary>
    public Func<Execution.Cost.FieldCostContext, long>? CostFunction { get; internal set; }

    /// <summary>For list fields: the list's size computed from its selection; replaces the size arguments and <see cref="AssumedSize"/> when set.</summary>
    public Func<Execution.Cost.FieldCostContext, long>? ListSizeFunction { get; internal set; }

    public GraphQLArgument? GetArgument(string name) => _arguments.GetValueOrDefault(name);

    internal void AddArgument(GraphQLArgument argument)
    {
        if (!_arguments.TryAdd(argument.Name, argument))
        {
            throw new SchemaBuildException($"Argument {Name}({argument.Name}:) is defined more than once.");
        }
    }
}

/// <summary>An argument, or an input object field: a named input value with an optional default.</summary>
public abstract class GraphQLInputValue
{
    private protected GraphQLInputValue(string name, GraphQLType type, string? description)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public GraphQLType Type { get; internal set; }

    public string? Description { get; internal set; }

    /// <summary>Whether a default value was declared (a declared default may itself be null).</summary>
    public bool HasDefaultValue { get; private set; }

    /// <summary>Default value as an internal value (already coerced), meaningful when <see cref="HasDefaultValue"/>.</summary>
    public object? DefaultValue { get; private set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>A non-null input value without default must be given.</summary>
    public bool IsRequired => Type is GraphQLNonNull && !HasDefaultValue;

    internal void SetDefaultValue(object? value)
    {
        HasDefaultValue = true;
        DefaultValue = value;
    }
}

/// <summary>An argument of a field or directive.</summary>
public sealed class GraphQLArgument : GraphQLInputValue
{
    public GraphQLArgument(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }
}

/// <summary>A field of an input object type.</summary>
public sealed class GraphQLInputField : GraphQLInputValue
{
    public GraphQLInputField(string name, GraphQLType type, string? description = null)
        : base(name, type, description)
    {
    }
}
