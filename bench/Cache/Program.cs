// The cost of one cache hit (bench/RESULTS.md, "Closed-month cache"): one closed-month query answered by
// ClosedMonthCache from its memory tier, from Redis (memory tier off), and by the store itself (the peer),
// interleaved in rounds so that all three see the same machine load. Usage: CacheBench <redis host:port> [iterations]
using Stopwatch = System.Diagnostics.Stopwatch;
using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Redis;
using GraphReports.Redis.Caching;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Caching;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using Microsoft.Extensions.Logging.Abstractions;

var redisAddress = args.Length > 0 ? args[0] : "127.0.0.1:6379";
var iterations = args.Length > 1 ? int.Parse(args[1]) : 2000;
var folder = Directory.CreateTempSubdirectory("graphreports-cachebench-").FullName;
var options = new SqliteStoreOptions { Path = Path.Combine(folder, "events.db") };
var clock = new FixedClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));
var month = new Month(2026, 10);
try
{
    using var writer = ReportingStore.Open(options, _ => TimeZoneInfo.Utc);
    var random = new Random(1);
    var events = Enumerable.Range(0, 50_000).Select(i => new ActivityEvent
    {
        Id = "e" + i, Type = EventType.Search, Timestamp = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i * 50),
        User = "u" + random.Next(500), Session = "s" + random.Next(5000), Search = new SearchDetails(SearchKind.Text, "text " + random.Next(2000)),
    }).ToArray();
    await writer.ImportAsync("acme", events);
    await ReportRollups.BuildStaleAsync(writer, _ => TimeZoneInfo.Utc);

    var store = new SqliteReportStore(options);
    var query = new ReportQuery(new EventFilter("acme", Period.ForMonth(month, TimeZoneInfo.Utc)) { Types = [EventType.Search] },
        Measure.Events, new TopShape(Dimension.SearchText, 10));
    using var redis = RedisConnection.Connect(new RedisOptions { Configuration = redisAddress, CommandTimeoutMilliseconds = 2000 }, NullLogger<RedisConnection>.Instance);
    IMonthGenerations generations = new CombinedGenerations(new SqliteMonthGenerations(options), new RedisMonthGenerations(redis));
    using var memoryTier = new ClosedMonthCache(store, generations, new RedisAnswerTier(redis), new ClosedMonthCacheOptions(), clock);
    using var redisTier = new ClosedMonthCache(store, generations, new RedisAnswerTier(redis), new ClosedMonthCacheOptions { MemoryMegabytes = 0 }, clock);
    await memoryTier.ExecuteAsync([query]);
    await redisTier.ExecuteAsync([query]);

    var timings = new Dictionary<string, List<double>> { ["memory tier hit"] = [], ["redis tier hit"] = [], ["store (no cache)"] = [] };
    var subjects = new (string Name, IReportStore Store)[] { ("memory tier hit", memoryTier), ("redis tier hit", redisTier), ("store (no cache)", store) };
    for (var round = 0; round < 10; round++)
        foreach (var (name, subject) in subjects)
            for (var i = 0; i < (name.StartsWith("store") ? Math.Max(20, iterations / 50) : iterations / 10); i++)
            {
                var started = Stopwatch.GetTimestamp();
                await subject.ExecuteAsync([query]);
                timings[name].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
    Console.WriteLine($"one closed-month top-10 query over {events.Length:N0} events, {iterations:N0} hits per tier, interleaved in 10 rounds");
    foreach (var (name, list) in timings)
    {
        list.Sort();
        Console.WriteLine($"{name,-18} median {list[list.Count / 2],9:F1} us   p99 {list[(int)(list.Count * 0.99)],9:F1} us   ({list.Count} calls)");
    }
    Console.WriteLine($"memory tier: {memoryTier.Statistics.MemoryHits} memory hits, {memoryTier.Statistics.Misses} misses; redis tier: {redisTier.Statistics.RedisHits} redis hits, {redisTier.Statistics.Misses} misses, {redisTier.Statistics.Bypasses} bypasses");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
