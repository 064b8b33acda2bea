using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Indexer.Tests;

public class CollectorApiTests
{
    private static HttpRequestMessage Post(string body, string contentType = "application/x-ndjson", string? key = TestEnvironments.AlphaIngestKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        if (status != HttpStatusCode.OK)
        {
            // Every error is an RFC 9457 problem document; a 401 says how to authenticate.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, body.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
            Assert.Equal(status == HttpStatusCode.Unauthorized ? ["Bearer"] : [], response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        }
        return body;
    }

    private static long Count(InProcessIndexer server, string environment) =>
        server.Services.GetRequiredService<SqliteEventStore>().Reader.CountEvents(environment);

    [Fact]
    public async Task Health_answers_ok()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ndjson_batch_is_stored_and_counted()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson([TestEvents.Search("e1"), TestEvents.Download("e2")]))), HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, body.GetProperty("rejected").GetArrayLength());
        Assert.Equal(2, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Json_array_batch_is_stored()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Array(TestEvents.Searches("a", 3)), "application/json; charset=utf-8")), HttpStatusCode.OK);
        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        Assert.Equal(3, Count(server, TestEnvironments.Alpha));
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/json")]
    public async Task Gzip_body_is_accepted(string contentType)
    {
        await using var server = await InProcessIndexer.StartAsync();
        var events = TestEvents.Searches("z", 20).ToList();
        var text = contentType == "application/json" ? TestEvents.Array(events) : TestEvents.Ndjson(events);
        var request = Post("", contentType);
        request.Content = new ByteArrayContent(TestEvents.Gzip(text));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Content.Headers.ContentEncoding.Add("gzip");
        var body = await ExpectAsync(await server.Client.SendAsync(request), HttpStatusCode.OK);
        Assert.Equal(20, body.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Events_go_to_the_environment_of_the_key()
    {
        await using var server = await InProcessIndexer.StartAsync();
        await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(TestEvents.Searches("same", 2)))), HttpStatusCode.OK);
        var beta = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(TestEvents.Searches("same", 3)), key: TestEnvironments.BetaIngestKey)), HttpStatusCode.OK);
        // The same ids in another environment are not duplicates: ids are unique per environment.
        Assert.Equal(3, beta.GetProperty("accepted").GetInt32());
        Assert.Equal(2, Count(server, TestEnvironments.Alpha));
        Assert.Equal(3, Count(server, TestEnvironments.Beta));
    }

    [Fact]
    public async Task Duplicate_id_within_a_batch_counts_once()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson([TestEvents.Search("d1"), TestEvents.Search("d1", text: "other"), TestEvents.Search("d2")]))), HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Duplicate_id_in_a_later_batch_is_ignored()
    {
        await using var server = await InProcessIndexer.StartAsync();
        await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(TestEvents.Searches("r", 3)))), HttpStatusCode.OK);
        var again = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(TestEvents.Searches("r", 5)))), HttpStatusCode.OK);
        Assert.Equal(2, again.GetProperty("accepted").GetInt32());
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(5, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Batch_mixing_good_and_bad_events_keeps_the_good_ones_and_names_positions()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var events = new[]
        {
            TestEvents.Search("ok-0"),
            """{"id":"bad-1","type":"search","timestamp":"2026-01-01T10:00:00Z","session":"s","search":{"kind":"text","text":"x"}}""",
            TestEvents.Download("ok-2"),
            """{"id":"bad-3","type":"teleport","timestamp":"2026-01-01T10:00:00Z"}""",
            "[1,2]",
            TestEvents.Search("ok-5"),
        };
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(events))), HttpStatusCode.OK);
        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 3, 4], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal([2L, 4L, 5L], rejected.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Contains("`user`", rejected[0].GetProperty("error").GetString());
        Assert.Contains("type", rejected[1].GetProperty("error").GetString());
        Assert.Contains("JSON object", rejected[2].GetProperty("error").GetString());
        Assert.Equal(3, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Array_rejections_name_the_element_index()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Array([TestEvents.Search("a0"), """{"id":"a1","type":"search"}"""]), "application/json")), HttpStatusCode.OK);
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.False(rejected.TryGetProperty("line", out _));
        Assert.Contains("timestamp", rejected.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(null, "Missing credentials")]
    [InlineData("Basic abc", "Malformed Authorization header")]
    [InlineData("Bearer not-a-key", "Unknown key")]
    public async Task Posting_without_a_valid_key_answers_401(string? authorization, string message)
    {
        await using var server = await InProcessIndexer.StartAsync();
        var request = Post(TestEvents.Ndjson([TestEvents.Search("k1")]), key: null);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var body = await ExpectAsync(await server.Client.SendAsync(request), HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", body.GetProperty("error").GetString());
        Assert.StartsWith(message, body.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Posting_with_an_api_key_answers_403()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson([TestEvents.Search("k1")]), key: TestEnvironments.AlphaApiKey)), HttpStatusCode.Forbidden);
        Assert.Contains("needs an ingest key", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain", "Unsupported Content-Type 'text/plain'")]
    [InlineData("application/xml", "Unsupported Content-Type 'application/xml'")]
    public async Task Unsupported_content_type_answers_415(string contentType, string message)
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Search("c1"), contentType)), HttpStatusCode.UnsupportedMediaType);
        Assert.StartsWith(message, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unsupported_content_encoding_answers_415()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var request = Post(TestEvents.Search("c1"));
        request.Content!.Headers.ContentEncoding.Add("br");
        var body = await ExpectAsync(await server.Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
        Assert.StartsWith("Unsupported Content-Encoding 'br'", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_ndjson_answers_400_naming_the_line_and_stores_nothing()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = TestEvents.Search("m0") + "\n" + TestEvents.Search("m1") + "\n{\"id\": \"m2\", \"type\": \n" + TestEvents.Search("m3") + "\n";
        var error = await ExpectAsync(await server.Client.SendAsync(Post(body)), HttpStatusCode.BadRequest);
        Assert.Equal("malformed_body", error.GetProperty("error").GetString());
        // One line number: the body's, not also the JSON reader's own count within the line.
        Assert.StartsWith("Malformed JSON at line 3 (event 2): not valid JSON at byte ", error.GetProperty("detail").GetString());
        Assert.DoesNotContain("LineNumber", error.GetProperty("detail").GetString());
        Assert.EndsWith("Nothing of this request was stored.", error.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Malformed_array_answers_400_naming_line_and_byte_and_stores_nothing()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = "[" + TestEvents.Search("m0") + ",\n" + TestEvents.Search("m1") + ",\n{\"id\" \"m2\"}]";
        var error = await ExpectAsync(await server.Client.SendAsync(Post(body, "application/json")), HttpStatusCode.BadRequest);
        Assert.StartsWith("Malformed JSON at line 3, byte 7 (in element 2 of the array)", error.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Body_over_the_byte_limit_answers_413_with_or_without_content_length()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Intake:MaxBodyBytes=2000");
        var text = TestEvents.Ndjson(TestEvents.Searches("b", 30));
        var declared = await ExpectAsync(await server.Client.SendAsync(Post(text)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is larger than the limit of 2000 bytes; send fewer events per request.", declared.GetProperty("detail").GetString());

        // Chunked: no Content-Length, so the limit is found while reading.
        var request = Post("");
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.TransferEncodingChunked = true;
        var chunked = await ExpectAsync(await server.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body_too_large", chunked.GetProperty("error").GetString());
        Assert.Equal(0, Count(server, TestEnvironments.Alpha));
    }

    [Fact]
    public async Task More_events_than_allowed_answers_413_and_stores_nothing()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Intake:MaxEventsPerRequest=5");
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(TestEvents.Searches("n", 6)))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("too_many_events", body.GetProperty("error").GetString());
        Assert.Equal("The request holds more than the limit of 5 events; split it into several requests.", body.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server, TestEnvironments.Alpha));
        await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(TestEvents.Searches("n", 5)))), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Decompressed_body_over_the_limit_answers_413()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Intake:MaxDecompressedBytes=4000");
        var request = Post("");
        request.Content = new ByteArrayContent(TestEvents.Gzip(TestEvents.Ndjson(TestEvents.Searches("g", 100))));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Content.Headers.ContentEncoding.Add("gzip");
        var body = await ExpectAsync(await server.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The decompressed request body is larger than the limit of 4000 bytes; send fewer events per request.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Event_over_the_size_limit_answers_413()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Intake:MaxEventBytes=300");
        var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson([TestEvents.Search("big", text: new string('x', 400))]))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("event_too_large", body.GetProperty("error").GetString());
        Assert.Equal("Line 1 is longer than the limit of 300 bytes per event.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Body_that_is_not_gzip_although_declared_answers_400()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var request = Post(TestEvents.Search("x"));
        request.Content!.Headers.ContentEncoding.Add("gzip");
        var body = await ExpectAsync(await server.Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.StartsWith("The body is not valid gzip", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Eight_parallel_posters_lose_and_double_count_nothing()
    {
        await using var server = await InProcessIndexer.StartAsync();
        const int posters = 8, batches = 10, perBatch = 50;
        // Every poster sends its own ids, and also re-sends the shared ids "shared-0..49" in each batch.
        var results = await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            int accepted = 0, duplicates = 0;
            for (var b = 0; b < batches; b++)
            {
                var events = TestEvents.Searches($"p{p}-b{b}", perBatch).Concat(TestEvents.Searches("shared", 5));
                var body = await ExpectAsync(await server.Client.SendAsync(Post(TestEvents.Ndjson(events))), HttpStatusCode.OK);
                accepted += body.GetProperty("accepted").GetInt32();
                duplicates += body.GetProperty("duplicates").GetInt32();
            }
            return (accepted, duplicates);
        })));
        Assert.Equal(posters * batches * perBatch + 5, results.Sum(r => r.accepted));
        Assert.Equal(posters * batches * 5 - 5, results.Sum(r => r.duplicates));
        Assert.Equal(posters * batches * perBatch + 5, Count(server, TestEnvironments.Alpha));
    }
}
