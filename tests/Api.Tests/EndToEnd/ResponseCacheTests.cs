using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Api.Reports.Caching;
using GraphReports.Api.Tests.Reports;
using GraphReports.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Api.Tests.EndToEnd;

/// <summary>
/// Whole closed-month responses reused by the Api (ClosedMonthResponseCache), over HTTP on a real host and
/// store file holding the hand-counted <see cref="SmallDataset"/>: ACME's March 2026 has 7 searches,
/// Globex's has 1, and the host's clock starts on 10 April 2026 (March closed, April open).
/// </summary>
public sealed class ResponseCacheTests : IAsyncLifetime
{
    private const string AcmeKey = "cache-api-key-acme", GlobexKey = "cache-api-key-globex";
    private const string MarchSearches = """query($m: Month) { environment { id currentMonth summary(month: $m) { month closed searches { current previous } } } }""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphreports-response-cache", Guid.NewGuid().ToString("N"));
    private readonly RunningClock _clock = new(SmallDataset.Now);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private ClosedMonthResponseCache Cache => _app.Services.GetRequiredService<ClosedMonthResponseCache>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await StartAsync();
        await WriteAsync("acme", [.. SmallDataset.February(), .. SmallDataset.March(), .. SmallDataset.April()]);
        await WriteAsync("globex", SmallDataset.Globex());
    }

    /// <summary>Starts the Api on the test's store file, with <paramref name="settings"/> added.</summary>
    private async Task StartAsync(params string[] settings)
    {
        _app = ApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--GraphReports:Storage:Path={Path.Combine(_folder, "store.db")}",
            "--GraphReports:Demo:LoadOnEmptyStore=false",
            "--GraphReports:RateLimits:Enabled=false",
            $"--GraphReports:Environments:acme:ApiKeyHashes:0={KeyHasher.Hash(AcmeKey)}",
            $"--GraphReports:Environments:globex:ApiKeyHashes:0={KeyHasher.Hash(GlobexKey)}",
            .. settings,
        ], _clock);
        var addresses = await ApiHost.StartAsync(_app);
        _client = new HttpClient { BaseAddress = new Uri(addresses[0]) };
    }

    private async Task StopAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_same_closed_month_dashboard_asked_again_is_the_same_bytes_from_the_cache()
    {
        var dashboard = await File.ReadAllTextAsync(Examples.PathOf("dashboard.graphql"));
        var first = await PostAsync(AcmeKey, dashboard, new { month = "2026-03" });
        var second = await PostAsync(AcmeKey, dashboard, new { month = "2026-03" });

        Assert.Equal(first, second);
        Assert.Equal(7, Searches(second));
        Assert.Equal((1L, 1L), (Cache.Stored, Cache.Hits));
    }

    [Fact]
    public async Task A_late_event_into_the_cached_month_shows_in_the_very_next_response()
    {
        Assert.Equal(7, Searches(await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" })));
        Assert.Equal(7, Searches(await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" })));
        Assert.Equal(1, Cache.Hits);

        await WriteAsync("acme", [SmallDataset.Search("u9", "s9", SmallDataset.At(2026, 3, 20, 10, 0, TimeSpan.FromHours(1)),
            new SearchDetails(SearchKind.Text, Text: "late", Results: 1))]);

        Assert.Equal(8, Searches(await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" })));
        Assert.Equal(1, Cache.Hits);
        Assert.Equal(8, Searches(await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" })));
        Assert.Equal(2, Cache.Hits); // the new answer is reused in turn
    }

    [Theory]
    [InlineData("query { environment { summary { searches { current } } } }")] // the open month (April)
    [InlineData("""query { environment { activity(filter: { period: { from: "2026-03-01", to: "2026-03-31" }, types: [SEARCH] }) { total } } }""")]
    [InlineData("""query { environment { asset(id: "a1", month: "2026-03") { asset { id } impressions } } }""")] // the asset's existence: all time
    [InlineData("""query { environment { summary(month: "2026-05") { searches { current } } } }""")] // an error: after the current month
    public async Task A_response_with_an_open_month_a_custom_period_an_all_time_figure_or_an_error_is_never_reused(string query)
    {
        var first = await PostAsync(AcmeKey, query);
        Assert.Equal(first, await PostAsync(AcmeKey, query));
        Assert.Equal((0L, 0L), (Cache.Stored, Cache.Hits));
    }

    [Fact]
    public async Task An_event_of_the_open_month_shows_at_once_however_often_the_month_was_asked()
    {
        const string April = "query { environment { summary { downloads { current } } } }";
        Assert.Equal(1, Downloads(await PostAsync(AcmeKey, April)));
        Assert.Equal(1, Downloads(await PostAsync(AcmeKey, April)));

        await WriteAsync("acme", [SmallDataset.Download("u1", "s8", SmallDataset.At(2026, 4, 9, 10, 0, TimeSpan.FromHours(2)), SmallDataset.Beta, bulk: false)]);

        Assert.Equal(2, Downloads(await PostAsync(AcmeKey, April)));
    }

    [Fact]
    public async Task An_open_month_answer_kept_for_a_few_seconds_still_keeps_its_whole_response_out()
    {
        await StopAsync();
        await StartAsync("--GraphReports:Cache:OpenMonthSeconds=60");
        const string April = """query { environment { activity(filter: { month: "2026-04", types: [DOWNLOAD] }) { total } } }""";
        for (var i = 0; i < 2; i++)
            Assert.Equal(1, Environment(await PostAsync(AcmeKey, April)).GetProperty("activity").GetProperty("total").GetInt64());
        Assert.Equal((0L, 0L), (Cache.Stored, Cache.Hits)); // the answer may lag by 60 s as configured; the response is not kept on top
    }

    [Fact]
    public async Task With_a_response_lag_an_open_month_response_is_served_again_for_that_long_then_shows_the_new_event()
    {
        await StopAsync();
        await StartAsync("--GraphReports:Cache:ResponseLagSeconds=60");
        const string April = "query { environment { summary { downloads { current } } } }";
        Assert.Equal(1, Downloads(await PostAsync(AcmeKey, April)));

        await WriteAsync("acme", [SmallDataset.Download("u1", "s8", SmallDataset.At(2026, 4, 9, 10, 0, TimeSpan.FromHours(2)), SmallDataset.Beta, bulk: false)]);
        Assert.Equal(1, Downloads(await PostAsync(AcmeKey, April))); // the kept response: at most 60 s old
        Assert.Equal((1L, 1L), (Cache.Stored, Cache.Hits));

        _clock.Jump(TimeSpan.FromSeconds(61));
        Assert.Equal(2, Downloads(await PostAsync(AcmeKey, April)));
        Assert.Equal((2L, 1L), (Cache.Stored, Cache.Hits));
    }

    [Fact]
    public async Task With_a_response_lag_a_late_event_into_a_closed_month_of_the_response_still_shows_at_once()
    {
        await StopAsync();
        await StartAsync("--GraphReports:Cache:ResponseLagSeconds=60");
        const string Both = """query { environment { march: summary(month: "2026-03") { searches { current } } april: summary { downloads { current } } } }""";
        Assert.Equal(7, MarchSearches(await PostAsync(AcmeKey, Both)));
        Assert.Equal(7, MarchSearches(await PostAsync(AcmeKey, Both)));
        Assert.Equal(1, Cache.Hits);

        await WriteAsync("acme", [SmallDataset.Search("u9", "s9", SmallDataset.At(2026, 3, 20, 10, 0, TimeSpan.FromHours(1)),
            new SearchDetails(SearchKind.Text, Text: "late", Results: 1))]);

        Assert.Equal(8, MarchSearches(await PostAsync(AcmeKey, Both))); // the closed month's token changed: computed afresh
        Assert.Equal(1, Cache.Hits);

        static long MarchSearches(string body) =>
            Environment(body).GetProperty("march").GetProperty("searches").GetProperty("current").GetInt64();
    }

    [Fact]
    public async Task Requests_missing_the_same_response_at_once_compute_it_once()
    {
        var dashboard = await File.ReadAllTextAsync(Examples.PathOf("dashboard.graphql"));
        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(AcmeKey, dashboard, new { month = "2026-03" })));

        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Equal(7, Searches(bodies[0]));
        Assert.Equal((1L, 7L), (Cache.Stored, Cache.Hits)); // one computed and kept; seven served it, waiting or after
    }

    [Fact]
    public async Task Two_tenants_asking_the_same_document_each_get_their_own_figures()
    {
        for (var round = 0; round < 2; round++)
        {
            var acme = await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" });
            var globex = await PostAsync(GlobexKey, MarchSearches, new { m = "2026-03" });
            Assert.Equal(("acme", 7), (EnvironmentId(acme), Searches(acme)));
            Assert.Equal(("globex", 1), (EnvironmentId(globex), Searches(globex)));
        }
        Assert.Equal((2L, 2L), (Cache.Stored, Cache.Hits));
    }

    [Fact]
    public async Task A_reused_response_follows_the_clock_into_the_next_month()
    {
        using (var april = JsonDocument.Parse(await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" })))
            Assert.Equal("2026-04", april.RootElement.GetProperty("data").GetProperty("environment").GetProperty("currentMonth").GetString());
        await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" });
        Assert.Equal(1, Cache.Hits);

        _clock.Jump(TimeSpan.FromDays(22)); // 2 May 2026 in Berlin

        var may = await PostAsync(AcmeKey, MarchSearches, new { m = "2026-03" });
        using (var document = JsonDocument.Parse(may))
            Assert.Equal("2026-05", document.RootElement.GetProperty("data").GetProperty("environment").GetProperty("currentMonth").GetString());
        Assert.Equal(7, Searches(may));
        Assert.Equal(1, Cache.Hits);
    }

    [Fact]
    public async Task A_request_without_a_valid_key_is_never_reused()
    {
        var unauthenticated = await PostAsync("not-a-key", MarchSearches, new { m = "2026-03" });
        Assert.Contains("UNAUTHENTICATED", unauthenticated);
        Assert.Equal(unauthenticated, await PostAsync("not-a-key", MarchSearches, new { m = "2026-03" }));
        Assert.Equal((0L, 0L), (Cache.Stored, Cache.Hits));
    }

    private Task WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events) =>
        _app.Services.GetRequiredService<SqliteEventStore>().WriteAsync(environmentId, events);

    /// <summary>POSTs a GraphQL request and returns the response body exactly as sent.</summary>
    private async Task<string> PostAsync(string key, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static JsonElement Environment(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("environment").Clone();

    private static string EnvironmentId(string body) => Environment(body).GetProperty("id").GetString()!;

    private static long Searches(string body) => Environment(body).GetProperty("summary").GetProperty("searches").GetProperty("current").GetInt64();

    private static long Downloads(string body) => Environment(body).GetProperty("summary").GetProperty("downloads").GetProperty("current").GetInt64();
}
