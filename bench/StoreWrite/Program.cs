using System.Diagnostics;
using GraphReports.Analytics.Events;
using GraphReports.Bench.StoreWrite;
using GraphReports.Sqlite;
using ActivityEvent = GraphReports.Analytics.Events.ActivityEvent;
using Microsoft.Data.Sqlite;

// Raw write throughput of the embedded store (bench/RESULTS.md, "Store write throughput").
//   dotnet run -c Release --project bench/StoreWrite -- [bulk|concurrent|all] [events=1000000] [runs=3]
var mode = args.Length > 0 ? args[0] : "all";
var count = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
var runs = args.Length > 2 ? int.Parse(args[2]) : 3;

// The events: the demo generator's NDJSON (Zipf-like popularity, 13 months), read back with
// EventJsonReader, so the store sees what an import of demo data gives it.
Console.WriteLine($"generating {count:N0} demo events...");
var events = DemoEvents.Make(count);
Console.WriteLine($"{Environment.ProcessorCount} cores, SQLite {SqliteVersion()}");

if (mode is "bulk" or "all")
    foreach (var durability in new[] { CommitDurability.Full, CommitDurability.Normal })
        Report($"bulk import, batches of 20,000, synchronous={durability}", events.Count, runs, path =>
        {
            using var store = SqliteEventStore.Open(new SqliteStoreOptions { Path = path, Durability = durability });
            var totals = store.ImportAsync("bench", events, batchSize: 20_000).GetAwaiter().GetResult();
            if (totals.Total != events.Count) throw new InvalidOperationException($"stored {totals.Total} of {events.Count}");
        });

if (mode is "queries" or "all")
{
    // Interned integer columns against the same data with the strings inline (what the schema would
    // be without text_value), on the month queries reports run most.
    var folder = Directory.CreateTempSubdirectory("storewrite-").FullName;
    try
    {
        var path = Path.Combine(folder, "bench.db");
        using (var store = SqliteEventStore.Open(new SqliteStoreOptions { Path = path, Durability = CommitDurability.Normal }))
            store.ImportAsync("bench", events, batchSize: 20_000).GetAwaiter().GetResult();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Exec(connection, """
            CREATE TABLE event_text AS
            SELECT e.env, e.type, e.ts_ms, u.value AS user, s.value AS session, t.value AS text_key
            FROM event e LEFT JOIN text_value u ON u.id = e.user LEFT JOIN text_value s ON s.id = e.session
            LEFT JOIN text_value t ON t.id = e.search_text_key;
            CREATE INDEX event_text_env_type_ts ON event_text (env, type, ts_ms);
            CREATE TABLE event_int AS SELECT env, type, ts_ms, user, session, search_text_key AS text_key FROM event;
            CREATE INDEX event_int_env_type_ts ON event_int (env, type, ts_ms);
            ANALYZE;
            """);
        var (from, to) = Scalar2(connection, "SELECT max(ts_ms) - 31 * 86400000, max(ts_ms) + 1 FROM event");
        var monthly = Scalar2(connection, $"SELECT count(*), 0 FROM event WHERE ts_ms >= {from} AND ts_ms < {to}").Item1;
        Console.WriteLine($"queries over the last 31 days: {monthly:N0} of {events.Count:N0} events");
        foreach (var (name, sql) in new[]
        {
            ("distinct users (search/download/upload)", "SELECT count(DISTINCT user) FROM {0} WHERE env = 1 AND type IN (2, 3, 4) AND ts_ms >= {1} AND ts_ms < {2}"),
            ("distinct sessions (all types)", "SELECT count(DISTINCT session) FROM {0} WHERE env = 1 AND type BETWEEN 1 AND 11 AND ts_ms >= {1} AND ts_ms < {2}"),
            ("top 10 search texts", "SELECT text_key, count(*) c FROM {0} WHERE env = 1 AND type = 2 AND ts_ms >= {1} AND ts_ms < {2} GROUP BY text_key ORDER BY c DESC, text_key LIMIT 10"),
            ("top 10 users by events", "SELECT user, count(*) c FROM {0} WHERE env = 1 AND type IN (2, 3, 4) AND ts_ms >= {1} AND ts_ms < {2} GROUP BY user ORDER BY c DESC, user LIMIT 10"),
        })
        {
            var wide = Time(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Replace("text_key", "search_text_key"), "event", from, to));
            var integer = Time(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "event_int", from, to));
            var text = Time(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "event_text", from, to));
            Console.WriteLine($"  {name}: store's event table {wide:F1} ms; 6-column copies: interned {integer:F1} ms, inline text {text:F1} ms (medians of 5)");
        }
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

static void Exec(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static (long, long) Scalar2(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    reader.Read();
    return (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
}

static double Time(SqliteConnection connection, string sql)
{
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var clock = Stopwatch.StartNew();
        using (var reader = command.ExecuteReader()) while (reader.Read()) { }
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[2];
}

if (mode == "shapes")
{
    var minimal = Enumerable.Range(0, count).Select(i => new ActivityEvent { Id = $"m{i:D9}", Type = EventType.SessionStarted, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i) }).ToList();
    var withUser = Enumerable.Range(0, count).Select(i => new ActivityEvent { Id = $"m{i:D9}", Type = EventType.SessionStarted, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i), User = $"u{i % 1000}", Session = $"s{i % 5000}" }).ToList();
    var withAsset = Enumerable.Range(0, count).Select(i => new ActivityEvent { Id = $"m{i:D9}", Type = EventType.AssetImpression, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i), Asset = new AssetRef($"a{i % 1000}", "n", "f"), Page = "https://x/y" }).ToList();
    foreach (var (name, list) in new[] { ("minimal", minimal), ("user+session", withUser), ("asset+page", withAsset), ("synthetic", events) })
        Report($"shape {name}", count, 1, path =>
        {
            using var store = SqliteEventStore.Open(new SqliteStoreOptions { Path = path, Durability = CommitDurability.Normal });
            store.ImportAsync("bench", list, batchSize: 20_000).GetAwaiter().GetResult();
        });
}

if (mode == "indexes")
    foreach (var drop in new[] { "", "event_env_asset_type_ts", "event_env_type_ts", "search_filter_env_ts", "asset_env_folder", "event_env_asset_type_ts,event_env_type_ts,search_filter_env_ts,asset_env_folder" })
        Report($"bulk import without [{drop}]", count, 1, path =>
        {
            SqliteEventStore.Open(new SqliteStoreOptions { Path = path }).Dispose();
            using (var raw = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                raw.Open();
                foreach (var index in drop.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    using var command = raw.CreateCommand();
                    command.CommandText = $"DROP INDEX {index}";
                    command.ExecuteNonQuery();
                }
            }
            using var store = SqliteEventStore.Open(new SqliteStoreOptions { Path = path, Durability = CommitDurability.Normal });
            store.ImportAsync("bench", events, batchSize: 20_000).GetAwaiter().GetResult();
        });

if (mode is "concurrent" or "all")
{
    // Small batches: each commit is a few events, so fsync dominates and group commit shows.
    var small = events.Take(Math.Min(count, 20_000)).ToList();
    foreach (var durability in new[] { CommitDurability.Full, CommitDurability.Normal })
        foreach (var (writers, batch) in new[] { (1, 10), (8, 10), (32, 10) })
            Report($"{writers} concurrent writers, batches of {batch}, synchronous={durability}", small.Count, 1, path =>
            {
                using var store = SqliteEventStore.Open(new SqliteStoreOptions { Path = path, Durability = durability });
                var chunks = small.Chunk(batch).ToArray();
                var next = -1;
                Task.WaitAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < chunks.Length) await store.WriteAsync("bench", chunks[i]);
                })).ToArray());
            });
}

static void Report(string name, int events, int runs, Action<string> run)
{
    var rates = new List<double>();
    for (var r = 0; r < runs; r++)
    {
        var folder = Directory.CreateTempSubdirectory("storewrite-").FullName;
        try
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run(Path.Combine(folder, "bench.db"));
            rates.Add(events / clock.Elapsed.TotalSeconds);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"  {name}: run {r + 1}: {rates[^1]:N0} events/s, {clock.Elapsed.TotalSeconds:F2} s, CPU {cpuSeconds:F2} s ({events / cpuSeconds:N0} events per CPU-second), files {bytes / 1048576.0:F0} MiB");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
    rates.Sort();
    Console.WriteLine($"{name}: median {rates[rates.Count / 2]:N0} events/s over {runs} runs of {events:N0} events (peak working set {Environment.WorkingSet / 1048576} MiB)");
}

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT sqlite_version()";
    return (string)command.ExecuteScalar()!;
}
