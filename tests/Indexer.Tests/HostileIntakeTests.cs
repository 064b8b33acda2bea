using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Indexer.Tests;

/// <summary>
/// Bytes that JSON lets through but the store cannot take, limits enforced alike for both body
/// formats, store failures as 503 naming the cause, and the headers of every answer.
/// </summary>
public class HostileIntakeTests
{
    private static HttpRequestMessage Post(byte[] body, string contentType = "application/x-ndjson", string? key = TestEnvironments.AlphaIngestKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static long Count(InProcessIndexer server) =>
        server.Services.GetRequiredService<SqliteEventStore>().Reader.CountEvents(TestEnvironments.Alpha);

    private static byte[] Line(string json) => Encoding.UTF8.GetBytes(json + "\n");

    [Fact]
    public async Task Bad_text_and_out_of_range_instants_are_rejected_one_by_one_and_the_rest_is_stored()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var badUser = Encoding.UTF8.GetBytes(TestEvents.Search("bad-utf8").Replace("\"anna\"", "\"\u0001\""));
        badUser = [.. badUser.SelectMany(b => b == 1 ? new byte[] { 0xFF, 0xFE } : [b]), (byte)'\n'];
        byte[] body =
        [
            .. Line(TestEvents.Search("good-1")),
            .. badUser,
            .. Line(TestEvents.Search("lone-surrogate").Replace("red car", "red \\ud800 car")),
            .. Line(TestEvents.Search("year-1").Replace(TestEvents.Yesterday.ToString("yyyy-MM-dd"), "0001-01-01")),
            .. Line(TestEvents.Search("good-2")),
        ];
        var json = await ExpectAsync(await server.Client.SendAsync(Post(body)), HttpStatusCode.OK);
        Assert.Equal(2, json.GetProperty("accepted").GetInt32());
        var rejected = json.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("error").GetString()!)).ToArray();
        Assert.Equal([1, 2, 3], rejected.Select(r => r.Item1));
        Assert.StartsWith("`user` must be valid UTF-8", rejected[0].Item2);
        Assert.StartsWith("`search.text` must be valid Unicode text", rejected[1].Item2);
        Assert.StartsWith("`timestamp` must be from 0002-01-01T00:00:00Z", rejected[2].Item2);
        Assert.Equal(2, Count(server));

        // The same request again: the good events are duplicates, the bad ones rejected the same way.
        json = await ExpectAsync(await server.Client.SendAsync(Post(body)), HttpStatusCode.OK);
        Assert.Equal(0, json.GetProperty("accepted").GetInt32());
        Assert.Equal(2, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, Count(server));
    }

    [Fact]
    public async Task An_array_element_longer_than_MaxEventBytes_is_refused_like_an_ndjson_line()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Intake:MaxEventBytes=2000");
        var big = TestEvents.Search("big", text: new string('x', 2500)); // fits in one read of the body
        var array = await ExpectAsync(await server.Client.SendAsync(Post(Encoding.UTF8.GetBytes(TestEvents.Array([TestEvents.Search("small"), big])), "application/json")), HttpStatusCode.RequestEntityTooLarge);
        var ndjson = await ExpectAsync(await server.Client.SendAsync(Post(Encoding.UTF8.GetBytes(TestEvents.Ndjson([TestEvents.Search("small"), big])))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("event_too_large", array.GetProperty("error").GetString());
        Assert.Equal("event_too_large", ndjson.GetProperty("error").GetString());
        Assert.Contains("Element 1 of the array", array.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task A_full_store_answers_503_naming_the_cause_and_health_turns_unhealthy_until_it_recovers()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var store = server.Services.GetRequiredService<SqliteEventStore>();
        await ExpectAsync(await server.Client.GetAsync("/health/ready"), HttpStatusCode.OK);
        var pages = await store.RunExclusiveAsync((c, t) => { using var q = c.CreateCommand(); q.Transaction = t; q.CommandText = "PRAGMA page_count"; return (long)q.ExecuteScalar()!; });
        await store.RunExclusiveAsync((c, t) => { using var q = c.CreateCommand(); q.Transaction = t; q.CommandText = $"PRAGMA max_page_count = {pages}"; return q.ExecuteNonQuery(); });
        var body = Encoding.UTF8.GetBytes(TestEvents.Ndjson(Enumerable.Range(0, 3000).Select(i => TestEvents.Search($"e{i}", user: $"user-{i}-{new string('u', 100)}"))));

        var response = await server.Client.SendAsync(Post(body));
        var problem = await ExpectAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("disk_full", problem.GetProperty("cause").GetString());
        Assert.Contains("full", problem.GetProperty("detail").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        var health = await ExpectAsync(await server.Client.GetAsync("/health"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("disk_full", health.GetProperty("checks").GetProperty("store").GetProperty("cause").GetString());
        await ExpectAsync(await server.Client.GetAsync("/health/live"), HttpStatusCode.OK);
        Assert.Equal(0, Count(server));

        await store.RunExclusiveAsync((c, t) => { using var q = c.CreateCommand(); q.Transaction = t; q.CommandText = "PRAGMA max_page_count = 1073741823"; return q.ExecuteNonQuery(); });
        var json = await ExpectAsync(await server.Client.SendAsync(Post(body)), HttpStatusCode.OK);
        Assert.Equal(3000, json.GetProperty("accepted").GetInt32());
        Assert.Equal(3000, Count(server));
        await ExpectAsync(await server.Client.GetAsync("/health"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header()
    {
        await using var server = await InProcessIndexer.StartAsync();
        foreach (var response in new[]
        {
            await server.Client.GetAsync("/health"),
            await server.Client.SendAsync(Post(Line(TestEvents.Search("h1")))),
            await server.Client.SendAsync(Post(Line(TestEvents.Search("h2")), key: null)),
            await server.Client.GetAsync("/no-such-page"),
        })
        {
            Assert.False(response.Headers.Contains("Server"), $"{response.RequestMessage!.RequestUri}: Server header");
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task Guessing_keys_is_limited_per_client_with_429_and_Retry_After_while_a_good_key_goes_on()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:RateLimits:FailedAuthenticationsPerMinutePerClient=5");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await server.Client.SendAsync(Post(Line(TestEvents.Search($"g{i}")), key: $"guess-{i}"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)), statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        await ExpectAsync(await server.Client.SendAsync(Post(Line(TestEvents.Search("after")))), HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_key_over_its_rate_gets_429_while_another_key_is_served()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:RateLimits:BurstPerKey=3", "--GraphReports:RateLimits:PermitsPerSecondPerKey=1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await server.Client.SendAsync(Post(Line(TestEvents.Search($"r{i}"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 3, 5); // the burst, plus what refilled meanwhile
        await ExpectAsync(await server.Client.SendAsync(Post(Line(TestEvents.Search("beta-1")), key: TestEnvironments.BetaIngestKey)), HttpStatusCode.OK);
    }
}
