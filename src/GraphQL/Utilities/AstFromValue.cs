using System.Collections;
using System.Text.RegularExpressions;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Writes an internal value of an input type back as a literal (graphql-js's <c>astFromValue</c>), used to
/// print default values in SDL and introspection. Null when the value has no literal (graphql-js's undefined).
/// </summary>
public static partial class AstFromValue
{
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        if (type is GraphQLNonNull nonNull)
        {
            var inner = Convert(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null)
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case GraphQLList list:
                if (value is IEnumerable items and not string and not IReadOnlyDictionary<string, object?>)
                {
                    var nodes = new List<ValueNode>();
                    foreach (var item in items)
                    {
                        if (Convert(item, list.OfType) is { } node)
                        {
                            nodes.Add(node);
                        }
                    }

                    return new ListValueNode { Values = nodes };
                }

                return Convert(value, list.OfType);
            case GraphQLInputObjectType inputObject:
                if (value is not IReadOnlyDictionary<string, object?> fields)
                {
                    return null;
                }

                var fieldNodes = new List<ObjectFieldNode>();
                foreach (var field in inputObject.Fields.Values)
                {
                    if (fields.TryGetValue(field.Name, out var fieldValue) && Convert(fieldValue, field.Type) is { } node)
                    {
                        fieldNodes.Add(new ObjectFieldNode { Name = new NameNode { Value = field.Name }, Value = node });
                    }
                }

                return new ObjectValueNode { Fields = fieldNodes };
            case IGraphQLLeafType leaf:
                var serialized = leaf.Serialize(value);
                return serialized is null ? null : FromSerialized(serialized, type);
            default:
                throw new InvalidOperationException($"Unexpected input type {type}.");
        }
    }

    private static ValueNode? FromSerialized(object serialized, GraphQLType type)
    {
        switch (serialized)
        {
            case bool b:
                return new BooleanValueNode { Value = b };
            case string s when type is GraphQLEnumType:
                return new EnumValueNode { Value = s };
            case string s when ReferenceEquals(type, BuiltInScalars.ID) && IntegerPattern().IsMatch(s):
                return new IntValueNode { Value = s };
            case string s:
                return new StringValueNode { Value = s };
            case IReadOnlyDictionary<string, object?> map:
                return new ObjectValueNode
                {
                    Fields = map.Select(p => (p.Key, Node: p.Value is null ? new NullValueNode() : FromSerialized(p.Value, BuiltInScalars.String)))
                        .Where(p => p.Node is not null)
                        .Select(p => new ObjectFieldNode { Name = new NameNode { Value = p.Key }, Value = p.Node! })
                        .ToList(),
                };
            case IEnumerable items:
                return new ListValueNode
                {
                    Values = items.Cast<object?>().Select(i => i is null ? new NullValueNode() : FromSerialized(i, BuiltInScalars.String)).OfType<ValueNode>().ToList(),
                };
        }

        if (NumberConversion.TryGetDouble(serialized, out var number) && double.IsFinite(number))
        {
            var text = JsNumber(serialized);
            return IntegerPattern().IsMatch(text) ? new IntValueNode { Value = text } : new FloatValueNode { Value = text };
        }

        throw new InvalidOperationException($"Cannot convert value to AST: {Inspect.Value(serialized)}.");
    }

    /// <summary>JavaScript's <c>String(number)</c> for the values a schema holds.</summary>
    private static string JsNumber(object number)
    {
        if (number is double or float)
        {
            var d = System.Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(d) >= 1e21 || (d != 0 && Math.Abs(d) < 1e-6))
            {
                var r = d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                var e = r.IndexOf('E', StringComparison.Ordinal);
                var exponent = int.Parse(r[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                return r[..e] + "e" + (exponent > 0 ? "+" : "-") + Math.Abs(exponent).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return NumberConversion.FormatNumber(number);
    }

    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();
}
