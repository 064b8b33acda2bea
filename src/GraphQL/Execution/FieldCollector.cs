using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// The specification's CollectFields: the fields of a selection set for one object type, grouped by
/// response key in document order, honouring <c>@skip</c>/<c>@include</c>, fragment spreads and type conditions.
/// </summary>
public static class FieldCollector
{
    public static OrderedDictionary<string, List<FieldNode>> Collect(
        GraphQLSchema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        GraphQLObjectType objectType,
        SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>>? fields = null,
        HashSet<string>? visitedFragments = null)
    {
        fields ??= new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Count > 0 && !ArgumentValues.ShouldInclude(selection, variables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseName;
                    if (!fields.TryGetValue(key, out var group))
                    {
                        group = [];
                        fields.Add(key, group);
                    }

                    group.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || DoesConditionMatch(schema, inline.TypeCondition, objectType))
                    {
                        Collect(schema, fragments, variables, objectType, inline.SelectionSet, fields, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!visitedFragments.Add(spread.Name.Value)
                        || !fragments.TryGetValue(spread.Name.Value, out var fragment)
                        || !DoesConditionMatch(schema, fragment.TypeCondition, objectType))
                    {
                        continue;
                    }

                    Collect(schema, fragments, variables, objectType, fragment.SelectionSet, fields, visitedFragments);
                    break;
            }
        }

        return fields;
    }

    private static bool DoesConditionMatch(GraphQLSchema schema, NamedTypeNode condition, GraphQLObjectType objectType)
    {
        var conditionType = schema.GetType(condition.Name.Value);
        if (ReferenceEquals(conditionType, objectType))
        {
            return true;
        }

        return conditionType is IGraphQLAbstractType abstractType && schema.IsSubType(abstractType, objectType);
    }
}
