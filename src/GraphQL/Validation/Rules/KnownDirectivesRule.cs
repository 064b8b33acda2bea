using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Directives Are Defined and Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule : ValidationVisitor
{
    private readonly Dictionary<string, HashSet<DirectiveLocation>> _locations = new(StringComparer.Ordinal);

    public KnownDirectivesRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _locations[directive.Name] = [.. directive.Locations];
        }
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var locations = new HashSet<DirectiveLocation>();
                foreach (var name in directive.Locations)
                {
                    if (DirectiveLocationNames.TryParse(name.Value, out var location))
                    {
                        locations.Add(location);
                    }
                }
                _locations[directive.Name.Value] = locations;
            }
        }
    }

    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not DirectiveNode directive)
        {
            return VisitorAction.Continue;
        }
        string name = directive.Name.Value;
        if (!_locations.TryGetValue(name, out var locations))
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
