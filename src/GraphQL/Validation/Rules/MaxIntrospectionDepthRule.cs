using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// Refuses introspection queries that nest the list fields of <c>__Type</c> (<c>fields</c>,
/// <c>interfaces</c>, <c>possibleTypes</c>, <c>inputFields</c>) three deep: such queries grow
/// exponentially with the schema and serve no client (graphql-js's <c>MaxIntrospectionDepthRule</c>).
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationVisitor(context)
{
    private const int MaxListsDepth = 3;

    // Shared across root fields: per fragment, the deepest entry depth checked without reaching
    // the limit, and the shallowest entry depth that reached it.
    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field
            && ReachesLimit(field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            Context.ReportError("Maximum introspection depth exceeded", field);
            return VisitorAction.Skip;
        }
        return VisitorAction.Continue;
    }

    private bool ReachesLimit(Node node, Dictionary<string, int> visitedFragments, int depth)
    {
        if (node is FragmentSpreadNode spread)
        {
            string name = spread.Name.Value;
            if (_exceededFragments.TryGetValue(name, out int exceededAt) && exceededAt <= depth)
            {
                return true;
            }
            if ((visitedFragments.TryGetValue(name, out int visitedAt) && visitedAt >= depth)
                || (_checkedFragments.TryGetValue(name, out int checkedAt) && checkedAt >= depth))
            {
                return false;
            }
            if (Context.GetFragment(name) is not { } fragment)
            {
                return false;
            }
            visitedFragments[name] = depth;
            if (ReachesLimit(fragment, visitedFragments, depth))
            {
                _exceededFragments[name] = depth;
                return true;
            }
            _checkedFragments[name] = depth;
            return false;
        }
        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" })
        {
            depth++;
            if (depth >= MaxListsDepth)
            {
                return true;
            }
        }
        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode i => i.SelectionSet,
            FragmentDefinitionNode d => d.SelectionSet,
            _ => null,
        };
        if (selectionSet is not null)
        {
            foreach (var child in selectionSet.Selections)
            {
                if (ReachesLimit(child, visitedFragments, depth))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
