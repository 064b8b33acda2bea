using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragments Must Be Used: every fragment is spread, directly or indirectly, by some operation.</summary>
public sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode operation:
                _operations.Add(operation);
                return VisitorAction.Skip;
            case FragmentDefinitionNode fragment:
                _fragments.Add(fragment);
                return VisitorAction.Skip;
            default:
                return VisitorAction.Continue;
        }
    }

    public override VisitorAction Leave(Node node, Visitor path)
    {
        if (node is DocumentNode)
        {
            var used = Context.GetRecursivelyReferencedFragmentsForOperations(_operations)
                .Select(f => f.Name.Value)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var fragment in _fragments)
            {
                if (!used.Contains(fragment.Name.Value))
                {
                    Context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }
        return VisitorAction.Continue;
    }
}
