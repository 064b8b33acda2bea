using System.Collections;
using System.Text;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Renders a value for an error message the way graphql-js's <c>inspect</c> does
/// (strings quoted, objects as <c>{ a: 1 }</c>, lists as <c>[1, 2]</c>).
/// </summary>
internal static class Inspect
{
    public static string Value(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append(System.Text.Json.JsonSerializer.Serialize(s));
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case double d when double.IsNaN(d):
                builder.Append("NaN");
                return;
            case double d when double.IsInfinity(d):
                builder.Append(d > 0 ? "Infinity" : "-Infinity");
                return;
            case IReadOnlyDictionary<string, object?> map:
                if (depth > 2)
                {
                    builder.Append("[Object]");
                    return;
                }

                if (map.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{ ");
                var first = true;
                foreach (var (key, item) in map)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(key).Append(": ");
                    Append(builder, item, depth + 1);
                }

                builder.Append(" }");
                return;
            case IEnumerable list:
                if (depth > 2)
                {
                    builder.Append("[Array]");
                    return;
                }

                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        builder.Append(", ");
                    }

                    firstItem = false;
                    Append(builder, item, depth + 1);
                }

                builder.Append(']');
                return;
        }

        if (NumberConversion.IsNumber(value))
        {
            builder.Append(NumberConversion.FormatNumber(value));
            return;
        }

        builder.Append(value.ToString());
    }
}
