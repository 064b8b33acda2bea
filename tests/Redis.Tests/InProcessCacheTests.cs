using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Rollups;
using static GraphReports.Redis.Tests.CacheTestStore;

namespace GraphReports.Redis.Tests;

/// <summary>The cache without Redis (the embedded default): same policy, memory tier only, generations from the store file.</summary>
public class InProcessCacheTests
{
    [Fact]
    public async Task A_closed_month_is_computed_once_then_answered_from_memory()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var cache = t.Cache();

        var first = await cache.ExecuteAsync([SearchCount(Closed), TopTexts(Closed)]);
        var second = await cache.ExecuteAsync([SearchCount(Closed), TopTexts(Closed)]);

        Assert.Equal(5, Total(first[0]));
        Assert.Equal(first, second);
        Assert.Equal(2, t.Store.Queries); // the second request reached no store
        Assert.Equal(2, cache.Statistics.MemoryHits);
        Assert.Equal(2, cache.Statistics.Misses);
    }

    [Fact]
    public async Task A_late_event_stored_by_another_writer_of_the_file_shows_in_the_very_next_answer()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var cache = t.Cache();
        Assert.Equal(5, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));

        // Another process's writer on the same file (the Indexer next to the Api).
        t.Writer.Dispose();
        using (var indexer = ReportingStore.Open(t.Options, _ => TimeZoneInfo.Utc))
            await t.WriteSearchesAsync(Closed, 1, "late", indexer);

        Assert.Equal(6, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));
        Assert.Equal(2, t.Store.Queries);
    }

    [Fact]
    public async Task The_open_month_is_not_cached_unless_configured()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Open, 2, "a");
        using var cache = t.Cache();
        await cache.ExecuteAsync([SearchCount(Open)]);
        await cache.ExecuteAsync([SearchCount(Open)]);
        Assert.Equal(2, t.Store.Queries);
        Assert.Equal(0, cache.Statistics.Misses + cache.Statistics.MemoryHits);

        using var brief = t.Cache(openMonthSeconds: 5);
        await brief.ExecuteAsync([SearchCount(Open)]);
        await brief.ExecuteAsync([SearchCount(Open)]);
        Assert.Equal(3, t.Store.Queries);
        Assert.Equal(1, brief.Statistics.MemoryHits);
    }

    [Fact]
    public async Task A_month_becomes_cacheable_once_it_has_ended()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Open, 2, "a");
        using var cache = t.Cache();
        await cache.ExecuteAsync([SearchCount(Open)]);
        t.Clock.Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero); // the first instant of the next month
        await cache.ExecuteAsync([SearchCount(Open)]);
        await cache.ExecuteAsync([SearchCount(Open)]);
        Assert.Equal(2, t.Store.Queries);
    }

    [Fact]
    public async Task A_custom_period_is_never_cached_even_inside_closed_months()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 3, "a");
        using var cache = t.Cache();
        var period = new Period(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 20, 0, 0, 0, TimeSpan.Zero));
        var custom = new ReportQuery(new EventFilter(Env, period) { Types = [Analytics.Events.EventType.Search] }, Measure.Events, TotalShape.Instance);
        Assert.Equal(3, Total((await cache.ExecuteAsync([custom]))[0]));
        Assert.Equal(3, Total((await cache.ExecuteAsync([custom]))[0]));
        Assert.Equal(2, t.Store.Queries);
    }

    [Fact]
    public async Task Concurrent_misses_of_one_answer_are_computed_once()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 4, "a");
        using var cache = t.Cache();
        t.Store.Gate = new TaskCompletionSource();
        var requests = Enumerable.Range(0, 5).Select(_ => cache.ExecuteAsync([SearchCount(Closed)])).ToArray();
        t.Store.Gate.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.Equal(4, Total(a[0])));
        Assert.Equal(1, t.Store.Queries);
        Assert.Equal(4, cache.Statistics.SharedComputations);
    }

    [Fact]
    public async Task Cached_and_uncached_queries_of_one_batch_reach_the_store_in_one_call()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 2, "a");
        await t.WriteSearchesAsync(Open, 1, "b");
        using var cache = t.Cache();
        await cache.ExecuteAsync([SearchCount(Closed)]);
        var answers = await cache.ExecuteAsync([SearchCount(Open), SearchCount(Closed), TopTexts(Closed)]);
        Assert.Equal([1L, 2L], answers.Take(2).Select(Total));
        Assert.Equal(1 + 2, t.Store.Queries); // the second call sent only the open month and the new top list
    }
}
