using System.Text.Json;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Turns request JSON into the plain CLR values input coercion works on: objects become ordered
/// dictionaries, arrays lists, integers <see cref="long"/> (or <see cref="double"/> when too large),
/// other numbers <see cref="double"/>.
/// </summary>
public static class JsonValues
{
    public static object? ToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(), // the cast keeps integers long
        JsonValueKind.Array => element.EnumerateArray().Select(ToClr).ToList(),
        JsonValueKind.Object => ToObject(element),
        _ => throw new ArgumentException($"Unexpected JSON value kind {element.ValueKind}.", nameof(element)),
    };

    private static OrderedDictionary<string, object?> ToObject(JsonElement element)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // JSON allows repeated keys; the last one wins, as in JavaScript.
            result[property.Name] = ToClr(property.Value);
        }

        return result;
    }
}
