using GraphReports.Sqlite;

namespace GraphReports.Redis.Tests.EndToEnd;

/// <summary>The cache as deployed: redis-server, the Indexer and Api processes over one store file.</summary>
public class CacheAcceptanceTests
{
    private const string SummaryQuery = "query($m: Month) { environment { summary(month: $m) { closed searches { current } } } }";

    private static long Searches(System.Text.Json.JsonElement answer) =>
        answer.GetProperty("data").GetProperty("environment").GetProperty("summary").GetProperty("searches").GetProperty("current").GetInt64();

    [Fact]
    public async Task A_late_event_into_a_cached_closed_month_shows_in_the_very_next_query_through_any_api_process()
    {
        await using var redis = await RedisServer.StartAsync();
        using var folder = new TempFolder();
        var settings = HostProcess.Settings(folder.File("store.db"), redis.Configuration);
        using var indexer = await HostProcess.StartIndexerAsync(settings);
        var at = HostProcess.ClosedMonthInstant();
        var month = new { m = at.ToString("yyyy-MM") };
        Assert.True((await indexer.PostEventsAsync(HostProcess.Searches("early", 20, at))).IsSuccessStatusCode);
        using var api1 = await HostProcess.StartApiAsync(settings);
        using var api2 = await HostProcess.StartApiAsync(settings);

        foreach (var api in (HostProcess[])[api1, api2, api1, api2])
            Assert.Equal(20, Searches(await api.QueryAsync(SummaryQuery, month)));
        Assert.True(await api1.MetricAsync("graphreports_cache_hits") >= 1, "the second query of a closed month is a cache hit");
        Assert.True(await api2.MetricAsync("graphreports_cache_hits") >= 1);

        var late = await indexer.PostEventsAsync(HostProcess.Searches("late", 1, at));
        Assert.True(late.IsSuccessStatusCode, await late.Content.ReadAsStringAsync());

        Assert.Equal(21, Searches(await api2.QueryAsync(SummaryQuery, month)));
        Assert.Equal(21, Searches(await api1.QueryAsync(SummaryQuery, month)));
    }

    [Fact]
    public async Task With_redis_stopped_during_queries_every_dashboard_answer_is_the_same_and_none_fails()
    {
        await using var redis = await RedisServer.StartAsync();
        using var folder = new TempFolder();
        var settings = HostProcess.Settings(folder.File("store.db"), redis.Configuration);
        using (var indexer = await HostProcess.StartIndexerAsync(settings))
        {
            var at = HostProcess.ClosedMonthInstant();
            for (var b = 0; b < 5; b++)
                Assert.True((await indexer.PostEventsAsync(HostProcess.Searches("d" + b, 200, at.AddDays(b)))).IsSuccessStatusCode);
        }
        using var api = await HostProcess.StartApiAsync(settings);
        var dashboard = await File.ReadAllTextAsync(Path.Combine(FindRoot(), "schema", "examples", "dashboard.graphql"));
        var month = new { month = HostProcess.ClosedMonthInstant().ToString("yyyy-MM") };
        var expected = (await api.QueryAsync(dashboard, month)).ToString();
        Assert.Equal(expected, (await api.QueryAsync(dashboard, month)).ToString()); // from the cache

        await redis.StopAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(expected, (await api.QueryAsync(dashboard, month)).ToString());
        Assert.True(await api.MetricAsync("graphreports_cache_bypasses") > 0);

        await redis.RestartAsync();
        for (var i = 0; i < 3; i++) Assert.Equal(expected, (await api.QueryAsync(dashboard, month)).ToString());
        // The outage is logged once, however many requests it bypassed.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(api.Output, "Redis is unreachable"));
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("GraphReports.sln not found");
    }
}

/// <summary>A folder under the system temp folder, deleted with everything in it at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("graphreports-e2e-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
