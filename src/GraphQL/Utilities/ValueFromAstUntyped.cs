using System.Globalization;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Turns a literal into a plain value without a type (graphql-js's <c>valueFromASTUntyped</c>): ints become
/// <see cref="long"/> when they fit, floats <see cref="double"/>, objects ordered dictionaries, variables their value.
/// </summary>
public static class ValueFromAstUntyped
{
    public static object? Convert(ValueNode node, IReadOnlyDictionary<string, object?>? variables) => node switch
    {
        NullValueNode => null,
        IntValueNode i => long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? (object)l // without the cast the conditional's type is double and every int became one
            : double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode list => list.Values.Select(v => Convert(v, variables)).ToList(),
        ObjectValueNode obj => ToObject(obj, variables),
        VariableNode variable => variables?.GetValueOrDefault(variable.Name.Value),
        _ => throw new ArgumentException($"Unexpected value node {node.Kind}.", nameof(node)),
    };

    private static OrderedDictionary<string, object?> ToObject(ObjectValueNode node, IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            result[field.Name.Value] = Convert(field.Value, variables);
        }

        return result;
    }
}
