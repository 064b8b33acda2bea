using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragments Must Not Form Cycles: no fragment spreads itself, directly or through others.</summary>
public sealed class NoFragmentCyclesRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                return VisitorAction.Skip;
            case FragmentDefinitionNode fragment:
                DetectCycle(fragment);
                return VisitorAction.Skip;
            default:
                return VisitorAction.Continue;
        }
    }

    // A depth-first search from each fragment; each fragment is explored once.
    private void DetectCycle(FragmentDefinitionNode fragment)
    {
        string fragmentName = fragment.Name.Value;
        if (!_visited.Add(fragmentName))
        {
            return;
        }
        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }
        _spreadPathIndexByName[fragmentName] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            string spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spreadName, out int cycleIndex))
            {
                if (Context.GetFragment(spreadName) is { } spreadFragment)
                {
                    DetectCycle(spreadFragment);
                }
            }
            else
            {
                var cyclePath = _spreadPath.Skip(cycleIndex).ToArray();
                string via = string.Join(", ", cyclePath.Take(cyclePath.Length - 1).Select(s => "\"" + s.Name.Value + "\""));
                Context.ReportError(
                    $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."),
                    cyclePath);
            }
            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }
        _spreadPathIndexByName.Remove(fragmentName);
    }
}
