using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphReports.Elasticsearch.Indexing;

/// <summary>
/// The composable index template of the events index (<c>index-template.json</c>, embedded): strict
/// mappings, keyword fields for everything grouped or filtered, routing required. Its
/// <c>version</c> is <see cref="IndexLayout.TemplateVersion"/>; <c>_meta.graphreports.digest</c> is the SHA-256 of
/// the body without it, so that start-up can tell "ours, unchanged" from "edited by hand".
/// </summary>
public static class IndexTemplate
{
    /// <summary>
    /// The template body for <paramref name="layout"/>. Shards and replicas are not in it: they are set when the
    /// index is created (<see cref="Startup.ElasticsearchStartup"/>), as a deployment's choice rather than the mapping's.
    /// </summary>
    public static JsonObject Body(IndexLayout layout)
    {
        using var stream = typeof(IndexTemplate).Assembly.GetManifestResourceStream("GraphReports.Elasticsearch.Indexing.index-template.json")
            ?? throw new InvalidOperationException("The embedded index template is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd().Replace("{pattern}", layout.IndexPattern, StringComparison.Ordinal)
            .Replace("\"{alias}\"", JsonValue.Create(layout.ReadAlias).ToJsonString(), StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!.AsObject();
        if (body["version"]!.GetValue<int>() != IndexLayout.TemplateVersion)
            throw new InvalidOperationException("index-template.json's version and IndexLayout.TemplateVersion disagree.");
        body["_meta"]!["graphreports"]!["digest"] = Digest(body);
        return body;
    }

    /// <summary>SHA-256 of the body's mappings, the part whose change needs a new index (hex).</summary>
    public static string Digest(JsonObject body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body["template"]!["mappings"]!.ToJsonString())));
}
