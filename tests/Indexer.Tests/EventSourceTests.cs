using System.Text;
using GraphReports.Analytics.Intake;

namespace GraphReports.Indexer.Tests;

public class EventSourceTests
{
    /// <summary>Hands out a few bytes per read, so that elements and lines straddle buffer refills.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    private static async Task<List<(int Index, long Line, string Json)>> ReadAll(IEventSource source)
    {
        var items = new List<(int, long, string)>();
        while (await source.MoveNextAsync()) items.Add((source.Index, source.Line, Encoding.UTF8.GetString(source.Current.Span)));
        return items;
    }

    private static Stream Trickle(string text, int chunk = 3) => new TrickleStream(Encoding.UTF8.GetBytes(text), chunk);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Array_elements_come_out_whole_whatever_the_read_size(int chunk)
    {
        var body = "[ {\"id\":\"a\",\"x\":[1,{\"y\":\"]}\"}]},\n  {\"id\":\"b\"} ,42,\"s\" ]\n";
        var items = await ReadAll(new JsonArrayEventSource(Trickle(body, chunk)));
        Assert.Equal(["{\"id\":\"a\",\"x\":[1,{\"y\":\"]}\"}]}", "{\"id\":\"b\"}", "42", "\"s\""], items.Select(i => i.Json));
        Assert.Equal([0, 1, 2, 3], items.Select(i => i.Index));
        Assert.Equal([1L, 2L, 2L, 2L], items.Select(i => i.Line));
    }

    [Fact]
    public async Task Empty_array_has_no_events()
    {
        Assert.Empty(await ReadAll(new JsonArrayEventSource(Trickle(" [ ] "))));
    }

    [Theory]
    [InlineData("{\"id\":\"a\"}", "must be a JSON array")]
    [InlineData("", "the body is empty")]
    [InlineData("[{\"id\":\"a\"}] x", "after the array")]
    [InlineData("[{\"id\":\"a\"}", "ends inside element 1")]
    public async Task Array_body_that_is_not_one_array_is_malformed(string body, string expected)
    {
        var error = await Assert.ThrowsAsync<MalformedBodyException>(() => ReadAll(new JsonArrayEventSource(Trickle(body))));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Array_syntax_error_names_line_byte_and_element()
    {
        var body = "[\n{\"id\":\"a\"},\n{\"id\":\"b\",,}\n]";
        var error = await Assert.ThrowsAsync<MalformedBodyException>(() => ReadAll(new JsonArrayEventSource(Trickle(body, 2))));
        Assert.Equal(3, error.Line);
        Assert.Equal(11, error.BytePosition);
        Assert.Equal(1, error.Index);
        Assert.StartsWith("Malformed JSON at line 3, byte 11 (in element 1 of the array)", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(65536)]
    public async Task Ndjson_lines_keep_their_numbers_across_blank_lines_and_crlf(int chunk)
    {
        var body = "{\"id\":\"a\"}\r\n\r\n   \n{\"id\":\"b\"}\n{\"id\":\"c\"}";
        var items = await ReadAll(new NdjsonEventSource(Trickle(body, chunk)));
        Assert.Equal(["{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"c\"}"], items.Select(i => i.Json));
        Assert.Equal([1L, 4L, 5L], items.Select(i => i.Line));
        Assert.Equal([0, 1, 2], items.Select(i => i.Index));
    }

    [Fact]
    public async Task Ndjson_line_over_the_event_limit_breaks_the_limit()
    {
        var body = "{\"id\":\"a\"}\n{\"id\":\"" + new string('x', 200) + "\"}\n";
        var error = await Assert.ThrowsAsync<IntakeLimitException>(() => ReadAll(new NdjsonEventSource(Trickle(body, 16), maxEventBytes: 100)));
        Assert.Equal(IntakeLimit.EventBytes, error.Limit);
        Assert.Contains("Line 2 is longer than the limit of 100 bytes", error.Message);
    }

    [Fact]
    public async Task Ndjson_import_skips_an_oversized_line_and_goes_on()
    {
        var body = "{\"id\":\"a\"}\n{\"id\":\"" + new string('x', 500) + "\"}\n{\"id\":\"c\"}\n";
        var source = new NdjsonEventSource(Trickle(body, 16), maxEventBytes: 100, skipOversized: true);
        var seen = new List<(long Line, bool Oversized)>();
        while (await source.MoveNextAsync()) seen.Add((source.Line, source.CurrentIsOversized));
        Assert.Equal([(1L, false), (2L, true), (3L, false)], seen);
    }

    [Fact]
    public async Task Gzip_body_is_decompressed_and_limited()
    {
        var text = TestEvents.Ndjson(TestEvents.Searches("g", 50));
        var limits = new IntakeLimits { MaxDecompressedBytes = 1000 };
        var source = EventSources.Open(new MemoryStream(TestEvents.Gzip(text)), EventBodyFormat.Ndjson, gzip: true, limits);
        var error = await Assert.ThrowsAsync<IntakeLimitException>(() => ReadAll(source));
        Assert.Equal(IntakeLimit.DecompressedBytes, error.Limit);

        var all = await ReadAll(EventSources.Open(new MemoryStream(TestEvents.Gzip(text)), EventBodyFormat.Ndjson, gzip: true, new IntakeLimits()));
        Assert.Equal(50, all.Count);
    }
}
