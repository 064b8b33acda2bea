using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// Single Root Field: a subscription selects exactly one top-level field (after fragments are
/// expanded and literal <c>@skip</c>/<c>@include</c> applied), and not an introspection field.
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } operation
            || Context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return VisitorAction.Continue;
        }
        string? operationName = operation.Name?.Value;
        var fields = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        CollectFields(subscriptionType, operation.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        if (fields.Count > 1)
        {
            var extra = fields.Values.Skip(1).SelectMany(f => f).ToArray<Node>();
            Context.ReportError(
                operationName is not null
                    ? $"Subscription \"{operationName}\" must select only one top level field."
                    : "Anonymous Subscription must select only one top level field.",
                extra);
        }
        foreach (var fieldNodes in fields.Values)
        {
            if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Context.ReportError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    [.. fieldNodes]);
            }
        }
        return VisitorAction.Continue;
    }

    // The execution algorithm's CollectFields without variables: what the subscription would run.
    private void CollectFields(GraphQLObjectType runtimeType, SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> fields, HashSet<string> visitedFragments)
    {
        Context.SpendFragmentWork(selectionSet.Selections.Count);
        foreach (var selection in selectionSet.Selections)
        {
            Context.SpendFragmentWork(selection.Directives.Count);
            foreach (var directive in selection.Directives)
            {
                if (directive.Name.Value is "skip" or "include")
                {
                    Context.SpendFragmentWork(directive.Arguments.Count);
                }
            }
        }
        foreach (var selection in selectionSet.Selections)
        {
            if (!LiteralDirectives.ShouldInclude(selection))
            {
                continue;
            }
            switch (selection)
            {
                case FieldNode field:
                    if (!fields.TryGetValue(field.ResponseName, out var list))
                    {
                        fields[field.ResponseName] = list = [];
                    }
                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (ConditionMatches(inline.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, inline.SelectionSet, fields, visitedFragments);
                    }
                    break;
                case FragmentSpreadNode spread:
                    if (!visitedFragments.Add(spread.Name.Value))
                    {
                        continue;
                    }
                    if (Context.GetFragment(spread.Name.Value) is { } fragment && ConditionMatches(fragment.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, fragment.SelectionSet, fields, visitedFragments);
                    }
                    break;
            }
        }
    }

    private bool ConditionMatches(NamedTypeNode? condition, GraphQLObjectType type)
    {
        if (condition is null)
        {
            return true;
        }
        var conditionType = TypeFromAst.Resolve(Context.Schema, condition);
        if (ReferenceEquals(conditionType, type))
        {
            return true;
        }
        return conditionType is IGraphQLAbstractType abstractType && Context.Schema.IsSubType(abstractType, type);
    }
}
