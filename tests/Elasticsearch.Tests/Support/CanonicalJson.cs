using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>JSON with every object's keys in ordinal order and two-space indentation: one spelling per document, for golden files.</summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    public static string Write(JsonNode? node) => (Sort(node)?.ToJsonString(Indented) ?? "null").Replace("\r\n", "\n") + "\n";

    /// <summary>The lines of an NDJSON body (<c>_msearch</c>, <c>_bulk</c>), each parsed.</summary>
    public static IReadOnlyList<JsonNode> Lines(byte[] ndjson) =>
        Encoding.UTF8.GetString(ndjson).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
}
