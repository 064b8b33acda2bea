using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Introspection;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Execution.Cost;

/// <summary>
/// Static cost of an operation, computed before it runs: each field costs its weight (default
/// <see cref="RequestExecutorOptions.DefaultFieldCost"/>) plus the cost of its selection, and for a list field
/// that selection cost is multiplied by the list's assumed size: the value of its size argument (configured with
/// <c>ListSize</c>, else an argument named <c>first</c>, <c>last</c>, <c>limit</c> or <c>take</c>), else its own
/// assumed size, else <see cref="RequestExecutorOptions.DefaultListSize"/>. Fragments on abstract types are all
/// counted (an upper bound). A field may compute its weight and its list size from its selection instead
/// (<see cref="GraphQLField.CostFunction"/>, <see cref="GraphQLField.ListSizeFunction"/>: its arguments and its
/// ancestors'), for fields whose work depends on them. Introspection (<c>__schema</c>, <c>__type</c>) and <c>__typename</c> cost nothing:
/// their size is bounded by the schema, and depth limits still apply to them.
/// </summary>
public static class CostAnalyzer
{
    private static readonly string[] ConventionalSizeArguments = ["first", "last", "limit", "take"];

    public static long Compute(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestExecutorOptions options)
    {
        var root = schema.GetRootType(operation.Operation);
        return root is null ? 0 : SelectionCost(schema, root, operation.SelectionSet, fragments, variables, options, []);
    }

    /// <summary>The error a request over budget gets.</summary>
    public static GraphQLError OverBudget(OperationDefinitionNode operation, long cost, int maximum) => new(
        $"The operation has a cost of {cost}, which exceeds the maximum cost of {maximum}.",
        VariableValues.Locations(operation),
        extensions: new Dictionary<string, object?> { ["code"] = "MAX_COST_EXCEEDED", ["cost"] = cost, ["maxCost"] = maximum });

    private static long SelectionCost(
        GraphQLSchema schema,
        GraphQLNamedType parentType,
        SelectionSetNode selectionSet,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestExecutorOptions options,
        HashSet<string> spreadPath,
        FieldCostContext? parent = null)
    {
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    total = Saturate(total + FieldCost(schema, parentType, field, fragments, variables, options, spreadPath, parent));
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? schema.GetType(condition.Name.Value) ?? parentType : parentType;
                    total = Saturate(total + SelectionCost(schema, inlineType, inline.SelectionSet, fragments, variables, options, spreadPath, parent));
                    break;
                case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) && spreadPath.Add(spread.Name.Value):
                    var fragmentType = schema.GetType(fragment.TypeCondition.Name.Value) ?? parentType;
                    total = Saturate(total + SelectionCost(schema, fragmentType, fragment.SelectionSet, fragments, variables, options, spreadPath, parent));
                    spreadPath.Remove(spread.Name.Value);
                    break;
            }
        }

        return total;
    }

    private static long FieldCost(
        GraphQLSchema schema,
        GraphQLNamedType parentType,
        FieldNode node,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestExecutorOptions options,
        HashSet<string> spreadPath,
        FieldCostContext? parent)
    {
        if (MetaFields.IsMetaField(node.Name.Value))
        {
            return 0;
        }

        var field = schema.GetField(parentType, node.Name.Value);
        if (field is null)
        {
            return 0;
        }

        var context = new FieldCostContext(field, node, variables, parent);
        long cost = field.CostFunction is { } weigh ? Math.Max(0, weigh(context)) : field.Cost ?? options.DefaultFieldCost;
        if (node.SelectionSet is { } children)
        {
            var childCost = SelectionCost(schema, TypePredicates.GetNamedType(field.Type), children, fragments, variables, options, spreadPath, context);
            var multiplier = TypePredicates.GetNullableType(field.Type) is not GraphQLList ? 1
                : field.ListSizeFunction is { } size ? Math.Max(0, size(context))
                : ListSize(field, node, variables, options);
            cost = Saturate(cost + Multiply(childCost, multiplier));
        }

        return cost;
    }

    private static long ListSize(GraphQLField field, FieldNode node, IReadOnlyDictionary<string, object?> variables, RequestExecutorOptions options)
    {
        var names = field.SizeArguments.Count > 0 ? field.SizeArguments : ConventionalSizeArguments.Where(n => field.GetArgument(n) is not null).ToList();
        foreach (var name in names)
        {
            var argument = node.Arguments.FirstOrDefault(a => a.Name.Value == name);
            var value = argument?.Value switch
            {
                IntValueNode literal when long.TryParse(literal.Value, out var parsed) => parsed,
                VariableNode variable when variables.TryGetValue(variable.Name.Value, out var v) && v is int or long => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
                _ => (long?)null,
            };
            if (value is null && argument is null && field.GetArgument(name) is { HasDefaultValue: true, DefaultValue: int defaultSize })
            {
                value = defaultSize;
            }

            if (value is { } size)
            {
                return Math.Max(size, 0);
            }
        }

        return field.AssumedSize ?? options.DefaultListSize;
    }

    private static long Saturate(long value) => value < 0 ? long.MaxValue : value;

    private static long Multiply(long a, long b)
    {
        try
        {
            return checked(a * b);
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }
}
