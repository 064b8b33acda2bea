using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Types;

/// <summary>A directive definition: where it may appear, its arguments, whether it may repeat.</summary>
public sealed class GraphQLDirective
{
    private readonly OrderedDictionary<string, GraphQLArgument> _arguments = new(StringComparer.Ordinal);

    public GraphQLDirective(string name, IReadOnlyList<DirectiveLocation> locations, string? description = null, bool isRepeatable = false)
    {
        Name = name;
        Locations = locations;
        Description = description;
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public IReadOnlyList<DirectiveLocation> Locations { get; internal set; }

    public bool IsRepeatable { get; internal set; }

    /// <summary>Why the directive should no longer be used (graphql-js 16.15 allows deprecating directives); null when it is current.</summary>
    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Arguments in declaration order.</summary>
    public IReadOnlyList<GraphQLArgument> Arguments => _arguments.Values;

    public GraphQLArgument? GetArgument(string name) => _arguments.GetValueOrDefault(name);

    public override string ToString() => "@" + Name;

    internal GraphQLDirective WithArgument(GraphQLArgument argument)
    {
        if (!_arguments.TryAdd(argument.Name, argument))
        {
            throw new SchemaBuildException($"Argument @{Name}({argument.Name}:) is defined more than once.");
        }

        return this;
    }
}

/// <summary>The directives every schema has: <c>@include</c>, <c>@skip</c>, <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>.</summary>
public static class SpecifiedDirectives
{
    /// <summary>The reason <c>@deprecated</c> gives when none is written.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    public static GraphQLDirective Include { get; } = new GraphQLDirective(
            "include",
            [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
            "Directs the executor to include this field or fragment only when the `if` argument is true.")
        .WithArgument(new GraphQLArgument("if", new GraphQLNonNull(BuiltInScalars.Boolean), "Included when true."));

    public static GraphQLDirective Skip { get; } = new GraphQLDirective(
            "skip",
            [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
            "Directs the executor to skip this field or fragment when the `if` argument is true.")
        .WithArgument(new GraphQLArgument("if", new GraphQLNonNull(BuiltInScalars.Boolean), "Skipped when true."));

    public static GraphQLDirective Deprecated { get; } = new GraphQLDirective(
            "deprecated",
            [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue, DirectiveLocation.DirectiveDefinition],
            "Marks an element of a GraphQL schema as no longer supported.")
        .WithArgument(DeprecationReasonArgument());

    public static GraphQLDirective SpecifiedBy { get; } = new GraphQLDirective(
            "specifiedBy",
            [DirectiveLocation.Scalar],
            "Exposes a URL that specifies the behavior of this scalar.")
        .WithArgument(new GraphQLArgument("url", new GraphQLNonNull(BuiltInScalars.String), "The URL that specifies the behavior of this scalar."));

    public static GraphQLDirective OneOf { get; } = new GraphQLDirective(
        "oneOf",
        [DirectiveLocation.InputObject],
        "Indicates exactly one field must be supplied and this field must not be `null`.");

    /// <summary>In graphql-js's order.</summary>
    public static IReadOnlyList<GraphQLDirective> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecifiedDirective(GraphQLDirective directive) => All.Any(d => d.Name == directive.Name);

    private static GraphQLArgument DeprecationReasonArgument()
    {
        var argument = new GraphQLArgument(
            "reason",
            BuiltInScalars.String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).");
        argument.SetDefaultValue(DefaultDeprecationReason);
        return argument;
    }
}
