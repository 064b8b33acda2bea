using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Directives Are Defined and Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule : ValidationVisitor
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public KnownDirectivesRule(ValidationContext context)
        : base(context) => _documentDirectives = DocumentDirectives.Of(context.Document);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not DirectiveNode directive)
        {
            return VisitorAction.Continue;
        }
        string name = directive.Name.Value;
        IEnumerable<DirectiveLocation>? locations = _documentDirectives is not null && _documentDirectives.TryGetValue(name, out var defined)
            ? defined.Locations.Select(l => DirectiveLocationNames.TryParse(l.Value, out var location) ? location : (DirectiveLocation?)null)
                .OfType<DirectiveLocation>()
            : Context.Schema.GetDirective(name)?.Locations;
        if (locations is null)
        {
            Context.ReportError($"Unknown directive \"@{name}\".", directive);
            return VisitorAction.Continue;
        }
        if (LocationOf(path.Ancestors) is { } candidate && !locations.Contains(candidate))
        {
            Context.ReportError($"Directive \"@{name}\" may not be used on {candidate.Name()}.", directive);
        }
        return VisitorAction.Continue;
    }

    private static DirectiveLocation? LocationOf(IReadOnlyList<Node> ancestors) => ancestors[^1] switch
    {
        OperationDefinitionNode operation => operation.Operation switch
        {
            OperationType.Query => DirectiveLocation.Query,
            OperationType.Mutation => DirectiveLocation.Mutation,
            _ => DirectiveLocation.Subscription,
        },
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.Schema,
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.Scalar,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.Object,
        FieldDefinitionNode => DirectiveLocation.FieldDefinition,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.Interface,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.Union,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.Enum,
        EnumValueDefinitionNode => DirectiveLocation.EnumValue,
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.InputObject,
        // graphql-js tells input fields from arguments by the definition holding them; fields
        // of an input extension count as arguments there too.
        InputValueDefinitionNode => ancestors.Count > 1 && ancestors[^2] is InputObjectTypeDefinitionNode
            ? DirectiveLocation.InputFieldDefinition
            : DirectiveLocation.ArgumentDefinition,
        _ => null,
    };
}
