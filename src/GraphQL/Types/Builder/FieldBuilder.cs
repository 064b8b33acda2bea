using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Types;

/// <summary>Configures one output field: description, arguments, resolver, deprecation and cost.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(string name, TypeReference type)
    {
        Name = name;
        Type = type;
    }

    internal string Name { get; }

    internal TypeReference Type { get; }

    internal string? DescriptionText { get; private set; }

    internal string? DeprecationReason { get; private set; }

    internal FieldResolver? Resolver { get; private set; }

    internal List<InputValueBuilder> Arguments { get; } = [];

    internal int? CostWeight { get; private set; }

    internal int? AssumedListSize { get; private set; }

    internal string[] SizeArguments { get; private set; } = [];

    /// <summary>Sets the description shown by introspection and the SDL (Markdown).</summary>
    public FieldBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Marks the field <c>@deprecated</c>; without a reason, the specification's default "No longer supported".</summary>
    public FieldBuilder Deprecated(string? reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }

    /// <summary>Adds an argument whose type is written as in SDL (<c>"Int"</c>, <c>"[ID!]!"</c>).</summary>
    public FieldBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, TypeReference.Parse(type));
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }

    /// <summary>
    /// Adds an argument typed after a CLR type: <c>int</c> is <c>Int!</c>, <c>int?</c> is <c>Int</c>, <c>string</c> is
    /// <c>String</c>, a mapped CLR enum <c>E</c> is <c>E!</c> (and <c>E?</c> is <c>E</c>), arrays and lists are lists.
    /// </summary>
    public FieldBuilder Argument<T>(string name, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, TypeReference.FromClr(typeof(T)));
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }

    /// <summary>Resolves the field synchronously.</summary>
    public FieldBuilder Resolve(Func<ResolveFieldContext, object?> resolve)
    {
        Resolver = context => new ValueTask<object?>(resolve(context));
        return this;
    }

    /// <summary>Resolves the field asynchronously; siblings of a query run concurrently.</summary>
    public FieldBuilder ResolveAsync<T>(Func<ResolveFieldContext, Task<T>> resolve)
    {
        Resolver = context =>
        {
            var task = resolve(context);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Await(task);
        };
        return this;

        static async ValueTask<object?> Await(Task<T> task) => await task.ConfigureAwait(false);
    }

    /// <summary>Uses a raw <see cref="FieldResolver"/>.</summary>
    public FieldBuilder Resolve(FieldResolver resolver)
    {
        Resolver = resolver;
        return this;
    }

    /// <summary>Weight of this field in the static cost analysis (default 1).</summary>
    public FieldBuilder Cost(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        CostWeight = weight;
        return this;
    }

    /// <summary>
    /// Weight of this field in the static cost analysis, computed from its selection: its arguments and its
    /// ancestors' (see <see cref="Execution.Cost.FieldCostContext"/>). For fields whose work depends on them.
    /// </summary>
    public FieldBuilder Cost(Func<Execution.Cost.FieldCostContext, long> weight)
    {
        CostFunction = weight;
        return this;
    }

    /// <summary>For a list field: its size in the cost analysis, computed from its selection (arguments, ancestors).</summary>
    public FieldBuilder ListSize(Func<Execution.Cost.FieldCostContext, long> size)
    {
        ListSizeFunction = size;
        return this;
    }

    internal Func<Execution.Cost.FieldCostContext, long>? CostFunction { get; private set; }

    internal Func<Execution.Cost.FieldCostContext, long>? ListSizeFunction { get; private set; }

    /// <summary>
    /// For a list field: the cost analysis multiplies the cost of its selection by the value of the first of
    /// <paramref name="sizeArguments"/> given (e.g. <c>"limit"</c>, <c>"first"</c>), or by <paramref name="assumedSize"/>.
    /// </summary>
    public FieldBuilder ListSize(int assumedSize, params string[] sizeArguments)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(assumedSize);
        AssumedListSize = assumedSize;
        SizeArguments = sizeArguments;
        return this;
    }
}

/// <summary>Configures an argument or an input object field.</summary>
public sealed class InputValueBuilder
{
    internal InputValueBuilder(string name, TypeReference type)
    {
        Name = name;
        Type = type;
    }

    internal string Name { get; }

    internal TypeReference Type { get; }

    internal string? DescriptionText { get; private set; }

    internal string? DeprecationReason { get; private set; }

    internal bool HasDefault { get; private set; }

    internal object? Default { get; private set; }

    internal Language.ValueNode? DefaultLiteral { get; private set; }

    /// <summary>Sets the description shown by introspection and the SDL.</summary>
    public InputValueBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>
    /// Sets the default value, given as the value a resolver would receive (an <c>int</c>, a mapped CLR enum
    /// member, a dictionary for an input object...).
    /// </summary>
    public InputValueBuilder DefaultValue(object? value)
    {
        HasDefault = true;
        Default = value;
        DefaultLiteral = null;
        return this;
    }

    /// <summary>Marks the value <c>@deprecated</c> (it must then be optional).</summary>
    public InputValueBuilder Deprecated(string? reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }

    internal void DefaultValueLiteral(Language.ValueNode literal)
    {
        HasDefault = true;
        DefaultLiteral = literal;
    }
}
