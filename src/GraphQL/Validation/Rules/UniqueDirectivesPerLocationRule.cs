using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Directives Are Unique Per Location: a non-repeatable directive appears once where it is used.</summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationVisitor
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    public UniqueDirectivesPerLocationRule(ValidationContext context)
        : base(context) => _documentDirectives = DocumentDirectives.Of(context.Document);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not IHasDirectives { Directives.Count: > 0 } holder)
        {
            return VisitorAction.Continue;
        }
        Dictionary<string, DirectiveNode> seen;
        switch (node)
        {
            case SchemaDefinitionNode or SchemaExtensionNode:
                seen = _schemaDirectives;
                break;
            case TypeDefinitionNode or TypeExtensionNode:
                // A type and its extensions form one location.
                string typeName = node is TypeDefinitionNode definition ? definition.Name.Value : ((TypeExtensionNode)node).Name.Value;
                if (!_typeDirectives.TryGetValue(typeName, out seen!))
                {
                    _typeDirectives[typeName] = seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                }
                break;
            default:
                seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                break;
        }
        foreach (var directive in holder.Directives)
        {
            string name = directive.Name.Value;
            if (!IsUnique(name))
            {
                continue;
            }
            if (seen.TryGetValue(name, out var first))
            {
                Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }
        return VisitorAction.Continue;
    }

    private bool IsUnique(string name) =>
        _documentDirectives is not null && _documentDirectives.TryGetValue(name, out var defined)
            ? !defined.Repeatable
            : Context.Schema.GetDirective(name) is { IsRepeatable: false };
}
