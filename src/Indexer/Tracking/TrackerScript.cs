using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GraphReports.Indexer.Tracking;

/// <summary>
/// <c>/tracker.js</c> as served: the embedded <c>Tracking/tracker.js</c> without its whole-line comments
/// and indentation (the source stays readable, the page loads less), and its gzip form made once at start.
/// </summary>
public sealed partial class TrackerScript
{
    /// <summary>The bound the served script keeps gzipped (checked by a test).</summary>
    public const int MaxGzippedBytes = 2048;

    public TrackerScript()
    {
        using var resource = typeof(TrackerScript).Assembly.GetManifestResourceStream("GraphReports.Indexer.Tracking.tracker.js")
            ?? throw new InvalidOperationException("tracker.js is not embedded in the Indexer assembly.");
        using var reader = new StreamReader(resource, Encoding.UTF8);
        Text = Compact(reader.ReadToEnd());
        Bytes = Encoding.UTF8.GetBytes(Text);
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(Bytes);
            Gzipped = buffer.ToArray();
        }
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16]}\"";
    }

    /// <summary>The script as served.</summary>
    public string Text { get; }

    public byte[] Bytes { get; }

    /// <summary><see cref="Bytes"/> gzipped, for clients that accept gzip.</summary>
    public byte[] Gzipped { get; }

    /// <summary>A strong validator of this version of the script.</summary>
    public string ETag { get; }

    /// <summary>Drops indentation, lines that are only a <c>//</c> comment and one-line <c>/** */</c> doc comments; keeps the <c>/*!</c> banner.</summary>
    public static string Compact(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !DocComment().IsMatch(l));
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex(@"^/\*\*.*\*/$")]
    private static partial Regex DocComment();
}
