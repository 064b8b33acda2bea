using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Operation Name Uniqueness: no two operations of a document share a name.</summary>
public sealed class UniqueOperationNamesRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode { Name: { } name }:
                if (_known.TryGetValue(name.Value, out var first))
                {
                    Context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
                }
                else
                {
                    _known[name.Value] = name;
                }
                return VisitorAction.Skip;
            case OperationDefinitionNode:
            case FragmentDefinitionNode:
                return VisitorAction.Skip;
            default:
                return VisitorAction.Continue;
        }
    }
}
