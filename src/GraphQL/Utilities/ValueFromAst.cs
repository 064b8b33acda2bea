using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Coerces a literal to an internal value of a given input type, as graphql-js's <c>valueFromAST</c>:
/// false when the literal is not valid for the type (validation reports why; this only decides).
/// </summary>
public static class ValueFromAst
{
    public static bool TryCoerce(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is null)
        {
            return false;
        }

        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return false;
            }

            if (variableValue is null && type is GraphQLNonNull)
            {
                return false;
            }

            value = variableValue;
            return true;
        }

        switch (type)
        {
            case GraphQLNonNull nonNull:
                return node is not NullValueNode && TryCoerce(node, nonNull.OfType, variables, out value);
            case var _ when node is NullValueNode:
                return true;
            case GraphQLList list:
                return TryCoerceList(node, list, variables, out value);
            case GraphQLInputObjectType inputObject:
                return TryCoerceInputObject(node, inputObject, variables, out value);
            case IGraphQLLeafType leaf:
                try
                {
                    value = leaf.ParseLiteral(node, variables);
                    return true;
                }
                catch (GraphQLError)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));

    private static bool TryCoerceList(ValueNode node, GraphQLList list, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is not ListValueNode listNode)
        {
            // A single item where a list is expected is coerced into a list of one (input coercion of lists).
            if (!TryCoerce(node, list.OfType, variables, out var single))
            {
                return false;
            }

            value = new List<object?> { single };
            return true;
        }

        var items = new List<object?>(listNode.Values.Count);
        foreach (var itemNode in listNode.Values)
        {
            if (IsMissingVariable(itemNode, variables))
            {
                if (list.OfType is GraphQLNonNull)
                {
                    return false;
                }

                items.Add(null);
                continue;
            }

            if (!TryCoerce(itemNode, list.OfType, variables, out var item))
            {
                return false;
            }

            items.Add(item);
        }

        value = items;
        return true;
    }

    private static bool TryCoerceInputObject(ValueNode node, GraphQLInputObjectType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is not ObjectValueNode objectNode)
        {
            return false;
        }

        var fieldNodes = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var field in objectNode.Fields)
        {
            fieldNodes.TryAdd(field.Name.Value, field.Value);
        }

        var coerced = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            if (!fieldNodes.TryGetValue(field.Name, out var fieldNode) || IsMissingVariable(fieldNode, variables))
            {
                if (field.HasDefaultValue)
                {
                    coerced[field.Name] = field.DefaultValue;
                }
                else if (field.Type is GraphQLNonNull)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerce(fieldNode, field.Type, variables, out var fieldValue))
            {
                return false;
            }

            coerced[field.Name] = fieldValue;
        }

        if (type.IsOneOf && (coerced.Count != 1 || coerced.GetAt(0).Value is null))
        {
            return false;
        }

        value = coerced;
        return true;
    }
}
