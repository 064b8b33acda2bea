using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace GraphReports.Indexer.Tests;

/// <summary>Valid wire events for tests, as JSON text.</summary>
public static class TestEvents
{
    public static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    public static string Search(string id, string user = "anna", string text = "red car") => JsonSerializer.Serialize(new
    {
        id, type = "search", timestamp = Yesterday.ToString("O"), user, session = "s-1",
        search = new { kind = "text", text, results = 3 },
    });

    public static string Download(string id) => JsonSerializer.Serialize(new
    {
        id, type = "download", timestamp = Yesterday.ToString("O"), user = "ben", session = "s-2",
        asset = new { id = "a-1", name = "hero.jpg", folder = "marketing/2026/spring", type = "image" },
        download = new { bulk = false },
    });

    public static string Ndjson(IEnumerable<string> events) => string.Join("\n", events) + "\n";

    public static string Array(IEnumerable<string> events) => "[" + string.Join(",\n", events) + "]";

    public static IEnumerable<string> Searches(string prefix, int count) => Enumerable.Range(0, count).Select(i => Search($"{prefix}-{i}"));

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }
}
