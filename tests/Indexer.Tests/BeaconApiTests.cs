using System.Net;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Events;
using GraphReports.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static GraphReports.Indexer.Tests.TestEnvironments;

namespace GraphReports.Indexer.Tests;

/// <summary><c>POST /v1/beacons</c>: what tracked pages may send with a public site key, and everything it refuses.</summary>
public class BeaconApiTests
{
    // A client clock three minutes behind: the stored time must be the time of receipt, not this.
    private static readonly DateTimeOffset ClientTime = DateTimeOffset.UtcNow.AddMinutes(-3);

    private static string Impression(string id, string asset = "ast-1", string page = AlphaOrigin + "/products/shoes") =>
        JsonSerializer.Serialize(new { id, type = "asset.impression", timestamp = ClientTime.ToString("O"), asset = new { id = asset }, page });

    private static string Click(string id, string asset = "ast-1") =>
        JsonSerializer.Serialize(new { id, type = "asset.click", timestamp = ClientTime.ToString("O"), asset = new { id = asset }, page = AlphaOrigin + "/" });

    private static string Rating(string id, int rating, string asset = "ast-1") =>
        JsonSerializer.Serialize(new { id, type = "asset.rated", timestamp = ClientTime.ToString("O"), asset = new { id = asset }, rating });

    private static HttpRequestMessage Beacon(string body, string? key = AlphaSiteKey, string? origin = AlphaOrigin, string contentType = "text/plain;charset=UTF-8")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, key is null ? "/v1/beacons" : $"/v1/beacons?key={Uri.EscapeDataString(key)}")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    private static long Count(InProcessIndexer server) => server.Services.GetRequiredService<SqliteEventStore>().Reader.CountEvents(Alpha);

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("error").GetString());
        return problem;
    }

    [Fact]
    public async Task A_beacon_from_an_allowed_origin_is_stored_at_its_time_of_receipt_and_answered_204_with_CORS_for_that_origin()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var before = DateTimeOffset.UtcNow;
        var response = await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("b-1"), Click("b-2"), Rating("b-3", 4)])));
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(AlphaOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Origin", response.Headers.Vary);
        var stored = server.Services.GetRequiredService<SqliteEventStore>().Reader.ReadEvents(Alpha).OrderBy(e => e.Id).ToArray();
        Assert.Equal(["b-1", "b-2", "b-3"], stored.Select(e => e.Id));
        Assert.Equal([EventType.AssetImpression, EventType.AssetClick, EventType.AssetRated], stored.Select(e => e.Type));
        Assert.Equal(4, stored[2].Rating);
        Assert.Equal(AlphaOrigin + "/products/shoes", stored[0].Page);
        Assert.All(stored, e => Assert.InRange(e.Timestamp, before.AddMilliseconds(-1), after.AddMilliseconds(1)));
    }

    [Fact]
    public async Task A_retried_beacon_counts_each_event_once()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = TestEvents.Array([Impression("r-1"), Click("r-2")]);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(body))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(body))).StatusCode);
        Assert.Equal(2, Count(server));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://www.alpha.example")]      // same host, other scheme: another origin
    [InlineData("https://www.alpha.example:8443")] // same host, other port
    [InlineData("null")]                          // an opaque origin (sandboxed frame, file://)
    public async Task A_beacon_from_an_origin_the_key_does_not_allow_is_refused_without_CORS_headers_and_stores_nothing(string origin)
    {
        await using var server = await InProcessIndexer.StartAsync();
        var response = await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("o-1")]), origin: origin));
        var problem = await RefusedAsync(response, HttpStatusCode.Forbidden, "origin_not_allowed");
        Assert.Contains(origin, problem.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task A_beacon_without_an_Origin_header_is_refused()
    {
        await using var server = await InProcessIndexer.StartAsync();
        await RefusedAsync(await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("n-1")]), origin: null)), HttpStatusCode.Forbidden, "origin_not_allowed");
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task A_wrong_or_missing_site_key_is_refused_and_stores_nothing()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = TestEvents.Array([Impression("k-1")]);
        var wrong = await server.Client.SendAsync(Beacon(body, key: "alpha-site-test-KEY"));
        await RefusedAsync(wrong, HttpStatusCode.Forbidden, "unknown_site_key");
        Assert.False(wrong.Headers.Contains("Access-Control-Allow-Origin"));
        // A secret key is no site key either.
        await RefusedAsync(await server.Client.SendAsync(Beacon(body, key: AlphaIngestKey)), HttpStatusCode.Forbidden, "unknown_site_key");
        await RefusedAsync(await server.Client.SendAsync(Beacon(body, key: null)), HttpStatusCode.BadRequest, "missing_site_key");
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task An_event_type_that_no_site_key_may_send_refuses_the_whole_beacon()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var response = await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("t-1"), TestEvents.Download("t-2")])));
        var problem = await RefusedAsync(response, HttpStatusCode.Forbidden, "event_not_allowed");
        Assert.StartsWith("Event 1 has type `download`, which site key 'alpha-site-test-key' may not send", problem.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server)); // not even the valid impression before it
    }

    [Fact]
    public async Task A_type_outside_the_keys_configured_types_is_refused()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = TestEvents.Array([Impression("i-1"), Click("i-2")]);
        var problem = await RefusedAsync(await server.Client.SendAsync(Beacon(body, key: AlphaImpressionsOnlyKey)), HttpStatusCode.Forbidden, "event_not_allowed");
        Assert.Contains("`asset.click`", problem.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server));
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("i-1")]), key: AlphaImpressionsOnlyKey))).StatusCode);
        Assert.Equal(1, Count(server));
    }

    [Theory]
    [InlineData("visitor", "\"visitor\":\"v-123\"")]
    [InlineData("user", "\"user\":\"anna\"")]
    [InlineData("asset.name", "\"asset\":{\"id\":\"ast-1\",\"name\":\"renamed.jpg\"}")]
    [InlineData("asset.folder", "\"asset\":{\"id\":\"ast-1\",\"folder\":\"elsewhere\"}")]
    public async Task A_field_a_web_page_cannot_know_refuses_the_beacon(string field, string json)
    {
        await using var server = await InProcessIndexer.StartAsync();
        var impression = $"{{\"id\":\"f-1\",\"type\":\"asset.impression\",\"timestamp\":\"{ClientTime:O}\",\"page\":\"{AlphaOrigin}/\",{json}" + (json.StartsWith("\"asset\"") ? "}" : ",\"asset\":{\"id\":\"ast-1\"}}");
        var problem = await RefusedAsync(await server.Client.SendAsync(Beacon("[" + impression + "]")), HttpStatusCode.Forbidden, "event_not_allowed");
        Assert.Contains($"`{field}`", problem.GetProperty("detail").GetString());
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task A_page_on_another_origin_than_the_sender_refuses_the_beacon()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var body = TestEvents.Array([Impression("p-1", page: "https://competitor.example/page")]);
        await RefusedAsync(await server.Client.SendAsync(Beacon(body)), HttpStatusCode.Forbidden, "event_not_allowed");
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task Events_that_break_an_event_rule_are_rejected_by_position_and_the_valid_ones_kept()
    {
        await using var server = await InProcessIndexer.StartAsync();
        var response = await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("v-1"), Rating("v-2", 9)])));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Contains("rating", rejected.GetProperty("error").GetString());
        Assert.Equal(1, Count(server));
    }

    [Fact]
    public async Task A_malformed_or_oversized_beacon_stores_nothing()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Beacons:MaxEventsPerRequest=2", "--GraphReports:Beacons:MaxBodyBytes=2000");
        await RefusedAsync(await server.Client.SendAsync(Beacon("[" + Impression("m-1") + ",{")), HttpStatusCode.BadRequest, "malformed_body");
        await RefusedAsync(await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("m-2"), Impression("m-3"), Impression("m-4")]))), HttpStatusCode.RequestEntityTooLarge, "too_many_events");
        var big = TestEvents.Array([Impression("m-5", page: AlphaOrigin + "/" + new string('x', 2000))]);
        await RefusedAsync(await server.Client.SendAsync(Beacon(big)), HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        await RefusedAsync(await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("m-6")]), contentType: "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(0, Count(server));
    }

    [Fact]
    public async Task The_preflight_is_answered_for_the_keys_origins_only()
    {
        await using var server = await InProcessIndexer.StartAsync();
        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, $"/v1/beacons?key={AlphaSiteKey}");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return request;
        }
        var allowed = await server.Client.SendAsync(Preflight(AlphaOrigin));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(AlphaOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("POST", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));

        var other = await server.Client.SendAsync(Preflight("https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_client_address_over_its_limit_is_answered_429_and_its_beacon_not_stored()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Beacons:PerAddressPerMinute=2");
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("a-1")])))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("a-2")]), key: AlphaImpressionsOnlyKey))).StatusCode);
        // The limit is per address whatever the key.
        var third = await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("a-3")])));
        await RefusedAsync(third, HttpStatusCode.TooManyRequests, "too_many_beacons");
        Assert.True(int.Parse(Assert.Single(third.Headers.GetValues("Retry-After"))) >= 1);
        Assert.Equal(2, Count(server));
    }

    [Fact]
    public async Task A_site_key_over_its_limit_is_answered_429_and_another_key_still_sends()
    {
        await using var server = await InProcessIndexer.StartAsync("--GraphReports:Beacons:PerKeyPerMinute=1");
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("q-1")])))).StatusCode);
        var second = await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("q-2")])));
        var problem = await RefusedAsync(second, HttpStatusCode.TooManyRequests, "too_many_beacons");
        Assert.Contains(AlphaSiteKey, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(Beacon(TestEvents.Array([Impression("q-3")]), key: AlphaImpressionsOnlyKey))).StatusCode);
        Assert.Equal(["q-1", "q-3"], server.Services.GetRequiredService<SqliteEventStore>().Reader.ReadEvents(Alpha).Select(e => e.Id).Order());
    }
}
