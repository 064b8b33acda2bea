namespace GraphReports.GraphQL.Language;

/// <summary>Where a directive may be applied, as the specification lists them.</summary>
public enum DirectiveLocation
{
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,
    /// <summary>On a directive definition (graphql-js 16.15 lets <c>@deprecated</c> stand there).</summary>
    DirectiveDefinition,
}

/// <summary>The specification's spelling of directive locations (<c>FIELD_DEFINITION</c>...).</summary>
public static class DirectiveLocationNames
{
    private static readonly Dictionary<string, DirectiveLocation> ByName =
        Enum.GetValues<DirectiveLocation>().ToDictionary(Name, l => l, StringComparer.Ordinal);

    /// <summary>The name as written in SDL and introspection, e.g. <c>INPUT_FIELD_DEFINITION</c>.</summary>
    public static string Name(this DirectiveLocation location) => location switch
    {
        DirectiveLocation.Query => "QUERY",
        DirectiveLocation.Mutation => "MUTATION",
        DirectiveLocation.Subscription => "SUBSCRIPTION",
        DirectiveLocation.Field => "FIELD",
        DirectiveLocation.FragmentDefinition => "FRAGMENT_DEFINITION",
        DirectiveLocation.FragmentSpread => "FRAGMENT_SPREAD",
        DirectiveLocation.InlineFragment => "INLINE_FRAGMENT",
        DirectiveLocation.VariableDefinition => "VARIABLE_DEFINITION",
        DirectiveLocation.Schema => "SCHEMA",
        DirectiveLocation.Scalar => "SCALAR",
        DirectiveLocation.Object => "OBJECT",
        DirectiveLocation.FieldDefinition => "FIELD_DEFINITION",
        DirectiveLocation.ArgumentDefinition => "ARGUMENT_DEFINITION",
        DirectiveLocation.Interface => "INTERFACE",
        DirectiveLocation.Union => "UNION",
        DirectiveLocation.Enum => "ENUM",
        DirectiveLocation.EnumValue => "ENUM_VALUE",
        DirectiveLocation.InputObject => "INPUT_OBJECT",
        DirectiveLocation.InputFieldDefinition => "INPUT_FIELD_DEFINITION",
        DirectiveLocation.DirectiveDefinition => "DIRECTIVE_DEFINITION",
        _ => throw new ArgumentOutOfRangeException(nameof(location)),
    };

    /// <summary>Reads a location from its specification name; false when the name is not a location.</summary>
    public static bool TryParse(string name, out DirectiveLocation location) => ByName.TryGetValue(name, out location);
}
