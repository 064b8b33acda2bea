using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Redis.Caching;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Caching;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

namespace GraphReports.Redis.Tests;

/// <summary>A real store file (UTC environment "acme"), its report store behind a counter, and a clock the test sets.</summary>
public sealed class CacheTestStore : IDisposable
{
    public const string Env = "acme";
    private readonly string _folder = Directory.CreateTempSubdirectory("graphreports-cache-").FullName;

    public CacheTestStore()
    {
        Options = new SqliteStoreOptions { Path = Path.Combine(_folder, "events.db") };
        Writer = ReportingStore.Open(Options, _ => TimeZoneInfo.Utc);
        Store = new CountingStore(new SqliteReportStore(Options));
        // "Now" is the middle of a month; the month before it is closed, whatever today's date is.
        Clock = new TestClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));
    }

    public SqliteStoreOptions Options { get; }
    public SqliteEventStore Writer { get; }
    public CountingStore Store { get; }
    public TestClock Clock { get; }

    public static Month Closed => new(2026, 10);
    public static Month Open => new(2026, 11);

    public IMonthGenerations StoreGenerations => new SqliteMonthGenerations(Options);

    public ClosedMonthCache Cache(RedisConnection? redis = null, int openMonthSeconds = 0, int memoryMegabytes = 64)
    {
        IMonthGenerations generations = StoreGenerations;
        if (redis is not null) generations = new CombinedGenerations(generations, new RedisMonthGenerations(redis));
        return new ClosedMonthCache(Store, generations, redis is null ? null : new RedisAnswerTier(redis),
            new ClosedMonthCacheOptions { OpenMonthSeconds = openMonthSeconds, MemoryMegabytes = memoryMegabytes }, Clock);
    }

    /// <summary>Stores <paramref name="count"/> searches on the 10th of <paramref name="month"/> (ids prefixed so that they never collide).</summary>
    public Task WriteSearchesAsync(Month month, int count, string idPrefix, SqliteEventStore? writer = null) =>
        (writer ?? Writer).WriteAsync(Env, Searches(month, count, idPrefix));

    public static ActivityEvent[] Searches(Month month, int count, string idPrefix) =>
        Enumerable.Range(0, count).Select(i => new ActivityEvent
        {
            Id = $"{idPrefix}-{i}",
            Type = EventType.Search,
            Timestamp = new DateTimeOffset(month.Year, month.Number, 10, 8, 0, 0, TimeSpan.Zero).AddMinutes(i),
            User = "u-" + (i % 3),
            Session = "s-" + i,
            Search = new SearchDetails(SearchKind.Text, "red car " + (i % 2)),
        }).ToArray();

    /// <summary>The number of searches in a month (a total), and the top search texts (a top list).</summary>
    public static ReportQuery SearchCount(Month month) =>
        new(new EventFilter(Env, Period.ForMonth(month, TimeZoneInfo.Utc)) { Types = [EventType.Search] }, Measure.Events, TotalShape.Instance);

    public static ReportQuery TopTexts(Month month) =>
        new(new EventFilter(Env, Period.ForMonth(month, TimeZoneInfo.Utc)) { Types = [EventType.Search] }, Measure.Events, new TopShape(Dimension.SearchText, 5));

    public static long Total(QueryResult result) => ((TotalResult)result).Value;

    public void Dispose()
    {
        Writer.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A real <see cref="TimeProvider"/> whose "now" the test sets.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The real report store, counting the queries that reach it (what the cache saved is what it did not count).</summary>
public sealed class CountingStore(IReportStore inner) : IReportStore
{
    private int _queries;

    /// <summary>Held while set: every call waits for it (to make concurrent misses overlap).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Queries => Volatile.Read(ref _queries);

    public async Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _queries, batch.Count);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        return await inner.ExecuteAsync(batch, cancellationToken);
    }
}
