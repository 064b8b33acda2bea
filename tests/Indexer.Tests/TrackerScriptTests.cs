using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using GraphReports.Indexer.Tracking;

namespace GraphReports.Indexer.Tests;

/// <summary><c>GET /tracker.js</c>: small, cacheable, and the same script gzipped or not.</summary>
public class TrackerScriptTests
{
    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize)) gzip.Write(bytes);
        return output.ToArray();
    }

    [Fact]
    public async Task The_served_tracker_is_under_2_KB_gzipped()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var response = await server.Client.GetAsync("/tracker.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsByteArrayAsync();
        var gzipped = Gzip(script).Length;
        Assert.True(gzipped < TrackerScript.MaxGzippedBytes, $"tracker.js is {gzipped} bytes gzipped ({script.Length} plain); the bound is {TrackerScript.MaxGzippedBytes}.");
        Assert.Contains("data-graphreports-asset", System.Text.Encoding.UTF8.GetString(script));
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_same_script_gzipped_and_a_second_request_is_answered_304()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var plain = await (await server.Client.GetAsync("/tracker.js")).Content.ReadAsByteArrayAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/tracker.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await server.Client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < TrackerScript.MaxGzippedBytes);
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        unzip.CopyTo(copy);
        Assert.Equal(plain, copy.ToArray());
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, "/tracker.js");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public void Compacting_drops_comment_lines_and_indentation_but_keeps_the_banner_and_code()
    {
        var source = "/*! banner */\n(function () {\n  // why\n  /** doc */\n  var a = 'http://x'; // trailing\n})();\n";
        Assert.Equal("/*! banner */\n(function () {\nvar a = 'http://x'; // trailing\n})();\n", TrackerScript.Compact(source));
    }
}
