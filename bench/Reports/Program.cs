using System.Diagnostics;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using GraphReports.Bench.Reports;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Recent;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

// The whole-dashboard benchmark (bench/RESULTS.md, "Reports"): every figure of every section for one
// environment, listed month = the open one, over N demo events, on a store built the product's way
// (the import command's steps, then live intake and the Api's rollup maintenance), with DuckDB
// computing the same figures from its own table of the same events side by side.
// Usage: dotnet run -c Release --project bench/Reports -- [events=1000000] [runs=15] [data dir=/tmp] [--no-peer] [--generate-only] [--profile] [--sql-only] [--compare-sql]
// (--sql-only: the report store without recent events in memory, every query SQL; --compare-sql: both, alternating in one run.)
// (--profile: every statement of the summary, the folder view and the closed-months-cached dashboard with its time,
// then stop; BENCH_SQL_CHARS=n prints n characters of each statement instead of 160.)
var events = args.Length > 0 ? long.Parse(args[0]) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 15;
var dataDirectory = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : Path.GetTempPath();
var withPeer = !args.Contains("--no-peer");
Directory.CreateDirectory(dataDirectory);

var env = new ProductEnvironment("bench", "Bench", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
var path = Path.Combine(dataDirectory, $"reports-{events}.db");
var options = new SqliteStoreOptions { Path = path };

var ndjson = ProductLoad.EnsureNdjson(dataDirectory, env, events, now);
if (args.Contains("--generate-only")) return;
if (!File.Exists(path)) await ProductLoad.ImportAsync(ndjson, options, env, now);
else Console.WriteLine($"reusing {path}");

using var writer = ReportingStore.Open(options, _ => env.TimeZone);
// As the Api does: the open month and the one before it held in memory (RecentEvents), on the benchmark's clock.
var recent = RecentEvents.OpenMonths(new FixedClock(now));
var store = new SqliteReportStore(options) { Recent = args.Contains("--sql-only") ? null : recent };
var sqlOnly = new SqliteReportStore(options);
var context = ReportContext.For(env, null, now);
Console.WriteLine($"listed month {context.Month} (open: {!context.IsClosed}), zone {env.TimeZone.Id}");

// After the import, the product's users keep posting events of the open month; the Api's background
// service rebuilds stale months every minute. Here: 500 events in batches of 10, then one maintenance pass.
var live = new LiveIntake(writer, env, now);
await live.PrepareAsync(5_000);
await live.WriteAsync(500, 10);
Console.WriteLine($"after 500 live events: open month rollups current: {live.IsOpenMonthCurrent(context)}");
var maintained = await live.MaintainAsync();
Console.WriteLine($"Api maintenance pass: {maintained.Months} months rebuilt in {maintained.Elapsed.TotalMilliseconds:N0} ms; open month current: {live.IsOpenMonthCurrent(context)}");
await live.WriteAsync(100, 10);
Console.WriteLine($"after 100 more live events: open month rollups current: {live.IsOpenMonthCurrent(context)}");
PrintSizes();

// The asset and folder the insight figures are about: the most shown asset of the month.
var topShown = (await Figure.Of("topShown", new ReportQuery(context.Filter() with { Types = [EventType.AssetImpression] }, Measure.Events,
    new TopShape(Dimension.Asset, 1)), r => ((TopResult)r).Entries[0].Key).ExecuteAsync(store)).Value;
var folder = await FolderOfAsync(topShown);
Console.WriteLine($"asset insights for {topShown}, folder view of {folder}");

var composer = Figure.Compose();
var dashboard = composer.Add(DashboardFigures.Report(context));
composer.Add(DownloadFigures.Report(context, includeBulk: true));
composer.Add(AssetInsightFigures.ForAsset(context, topShown));
composer.Add(AssetInsightFigures.PerformanceTrend(context, topShown, Granularity.Day));
composer.Add(FolderInsightFigures.Page(context, folder));
var whole = composer.Build("whole", r => dashboard.Read(r));
var distinctQueries = whole.Queries.DistinctBy(q => q.CacheKey).ToArray();
Console.WriteLine($"whole dashboard: {whole.Queries.Count} queries, {distinctQueries.Length} distinct, in one batch");

var slices = CustomSlices(context, folder);
var firstLoad = await Timing.Once(() => whole.ExecuteAsync(store)); // warm-up: JIT, page cache, the recent events' first load
Console.WriteLine($"first request (loads the recent events): {firstLoad:N0} ms; rows held {recent.RowsOf(env.Id):N0}; managed heap {GC.GetTotalMemory(true) / 1e6:N0} MB");
var results = new List<(string Name, Timing Ours, Timing? Peer)>();
var uncached = await Timing.Of(runs, () => whole.ExecuteAsync(store));
var cache = new ClosedMonthCache(store, env.TimeZone, now);
await whole.ExecuteAsync(cache); // fills the closed months
var cached = await Timing.Of(runs, () => whole.ExecuteAsync(cache));
Console.WriteLine($"queries computed per request with closed months cached: {cache.LastMisses}");

var timings = new List<(string Sql, TimeSpan Time)>();
store.StatementTimed = (sql, time) => timings.Add((sql, time));
await whole.ExecuteAsync(store);
store.StatementTimed = null;
Console.WriteLine($"statements of one uncached request: {timings.Count}, {timings.Count(t => !t.Sql.Contains("FROM event e", StringComparison.Ordinal))} on report tables, total {timings.Sum(t => t.Time.TotalMilliseconds):N1} ms; slowest:");
foreach (var (sql, time) in timings.OrderByDescending(t => t.Time).Take(8))
    Console.WriteLine($"  {time.TotalMilliseconds,8:N1} ms  {Shorten(sql)}");

// --profile: where the time goes, statement by statement (see the usage line).
if (args.Contains("--profile"))
{
    await whole.ExecuteAsync(cache);
    foreach (var (part, figure) in new (string, Func<Task>)[]
    {
        ("summary", () => SummaryFigures.Report(context).ExecuteAsync(store)),
        ("folder view", () => FolderInsightFigures.Page(context, folder).ExecuteAsync(store)),
        ("whole dashboard, closed months cached", () => whole.ExecuteAsync(cache)),
    })
    {
        var statements = new List<(string Sql, TimeSpan Time)>();
        store.StatementTimed = (sql, time) => statements.Add((sql, time));
        await figure();
        store.StatementTimed = null;
        Console.WriteLine($"{part}: {statements.Count} statements, {statements.Sum(t => t.Time.TotalMilliseconds):N1} ms");
        foreach (var (sql, time) in statements.OrderByDescending(t => t.Time))
            Console.WriteLine($"  {time.TotalMilliseconds,8:N1} ms  {Shorten(sql)}");
    }
    // The folder view lists every asset of the folder: how much is the store's answer, how much the page built from it.
    var folderView = FolderInsightFigures.Page(context, folder);
    IReadOnlyList<QueryResult> answers = [];
    var answered = await Timing.Of(runs, async () => answers = await store.ExecuteAsync(folderView.Queries));
    var composed = await Timing.Of(runs, () => Task.FromResult(folderView.Compose(answers)));
    Console.WriteLine($"folder view ({((TopResult)answers[0]).Entries.Count:N0} assets): store answers {answered.Median:N1} ms (p99 {answered.P99:N1}), page composed {composed.Median:N1} ms (p99 {composed.P99:N1})");
    // Each query answered from memory, alone (one batch each, so no pass competes with another for the cores).
    var alone = new List<(double Ms, string Key)>();
    foreach (var query in distinctQueries.Where(q => q.Filter.Period.From >= recent.WindowStart))
        alone.Add(((await Timing.Of(runs, () => store.ExecuteAsync([query]))).Median, query.CacheKey));
    Console.WriteLine($"queries answered from memory, each alone: {alone.Count}, sum of medians {alone.Sum(a => a.Ms):N1} ms; slowest:");
    foreach (var (ms, key) in alone.OrderByDescending(a => a.Ms).Take(12))
        Console.WriteLine($"  {ms,8:N1} ms  {Shorten(key)}");
    return;
}

DuckDbPeer? peer = null;
if (withPeer)
{
    peer = await DuckDbPeer.OpenAsync(Path.Combine(dataDirectory, $"peer-{events}.duckdb"), ndjson, env, now);
    var check = await peer.CheckAgainstAsync(store, context);
    Console.WriteLine($"peer figures checked against ours: {check}");
}

// Ours and the peer alternate run by run, so both see the same load.
async Task<(Timing, Timing?)> Pair(Func<Task> ours, Func<Task>? theirs)
{
    if (theirs is null) return (await Timing.Of(runs, ours), null);
    await theirs();
    var (a, b) = (new List<double>(), new List<double>());
    for (var i = 0; i < runs; i++)
    {
        a.Add(await Timing.Once(ours));
        b.Add(await Timing.Once(theirs));
    }
    return (new Timing(a), new Timing(b));
}

var (oursUncached, peerWhole) = await Pair(() => whole.ExecuteAsync(store), peer is null ? null : () => peer.WholeDashboardAsync(context, topShown, folder));
results.Add(("whole dashboard, nothing cached", oursUncached, peerWhole));
var (oursCached, peerOpen) = await Pair(() => whole.ExecuteAsync(cache), peer is null ? null : () => peer.OpenMonthAsync(context, topShown, folder));
results.Add(("whole dashboard, closed months cached (peer: open-month figures only)", oursCached, peerOpen));
if (args.Contains("--compare-sql"))
{
    var sqlCache = new ClosedMonthCache(sqlOnly, env.TimeZone, now);
    await whole.ExecuteAsync(sqlCache);
    var (u, v) = await Pair(() => whole.ExecuteAsync(store), () => whole.ExecuteAsync(sqlOnly));
    results.Add(("whole dashboard, nothing cached, against SQL only (\"peer\" = SQL only)", u, v));
    var (a, b) = await Pair(() => whole.ExecuteAsync(cache), () => whole.ExecuteAsync(sqlCache));
    results.Add(("whole dashboard, closed months cached, against SQL only (\"peer\" = SQL only)", a, b));
}
foreach (var (name, query, sql) in slices)
{
    var (ours, theirs) = await Pair(() => store.ExecuteAsync([query]), peer is null ? null : () => peer.SliceAsync(sql, context));
    results.Add(("custom slice: " + name, ours, theirs));
}
foreach (var (name, figure) in new (string, Func<Task>)[]
{
    ("summary", () => SummaryFigures.Report(context).ExecuteAsync(store)),
    ("engagement", () => EngagementFigures.Report(context).ExecuteAsync(store)),
    ("search", () => SearchFigures.Report(context).ExecuteAsync(store)),
    ("downloads", () => DownloadFigures.Report(context).ExecuteAsync(store)),
    ("collections", () => CollectionFigures.Report(context).ExecuteAsync(store)),
    ("asset insights", () => AssetInsightFigures.ForAsset(context, topShown).ExecuteAsync(store)),
    ("performance trend (days)", () => AssetInsightFigures.PerformanceTrend(context, topShown, Granularity.Day).ExecuteAsync(store)),
    ("folder view", () => FolderInsightFigures.Page(context, folder).ExecuteAsync(store)),
})
    results.Add(("part alone: " + name, await Timing.Of(runs, figure), null));

var visible = new List<double>();
for (var i = 0; i < 5; i++) visible.Add((await live.VisibleAfterAsync(store, context)).TotalMilliseconds);
results.Add(("an event posted (durable write), visible in the open month's count", new Timing(visible), null));

Console.WriteLine();
Console.WriteLine($"| {events:N0} events | ours median | ours p99 | DuckDB median | DuckDB p99 | ratio (DuckDB / ours) |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (name, ours, theirs) in results)
    Console.WriteLine($"| {name} | {ours.Median:N1} ms | {ours.P99:N1} ms | {(theirs is null ? "" : $"{theirs.Median:N1} ms")} | {(theirs is null ? "" : $"{theirs.P99:N1} ms")} | {(theirs is null ? "" : $"{theirs.Median / ours.Median:N2}x")} |");
Console.WriteLine($"(first pass, same process: nothing cached {uncached.Median:N1} ms, closed months cached {cached.Median:N1} ms)");
peer?.Dispose();
return;

static (string Name, ReportQuery Query, string PeerSql)[] CustomSlices(ReportContext context, string folder)
{
    var month = context.Filter();
    return
    [
        ("distinct users of the folder's assets over the month", new ReportQuery(month with { FolderPrefix = folder }, Measure.DistinctUsers, new TotalShape()),
            $"SELECT COUNT(DISTINCT user_id) FROM events WHERE ts >= $from AND ts < $to AND (folder = '{folder}' OR starts_with(folder, '{folder}/'))"),
        ("top 10 search texts by distinct users", new ReportQuery(month with { Types = [EventType.Search] }, Measure.DistinctUsers, new TopShape(Dimension.SearchText, 10)),
            """
            SELECT search_text_key, COUNT(DISTINCT user_id) AS n FROM events
            WHERE ts >= $from AND ts < $to AND type = 'search' AND search_text_key IS NOT NULL
            GROUP BY search_text_key HAVING n > 0 ORDER BY n DESC, search_text_key LIMIT 10
            """),
        ("daily trend of downloaders (bulk left out)", new ReportQuery(month with { Types = [EventType.Download], BulkDownloads = BulkDownloads.Exclude }, Measure.DistinctUsers, new HistogramShape(Granularity.Day, context.Zone.Id)),
            """
            SELECT date_trunc('day', timezone('Europe/Berlin', ts)) AS day, COUNT(DISTINCT user_id) FROM events
            WHERE ts >= $from AND ts < $to AND type = 'download' AND NOT bulk GROUP BY day ORDER BY day
            """),
    ];
}

static string Shorten(string sql)
{
    var flat = string.Join(' ', sql.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    return flat[..Math.Min(int.TryParse(Environment.GetEnvironmentVariable("BENCH_SQL_CHARS"), out var n) ? n : 160, flat.Length)];
}

void PrintSizes()
{
    using var connection = writer.Reader.OpenConnection();
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM report_rollup),
               (SELECT COUNT(*) FROM report_rollup WHERE month = $m), (SELECT COUNT(*) FROM event WHERE ts_ms >= $from AND ts_ms < $to)
        """;
    command.Parameters.AddWithValue("$m", context.Month.Year * 100 + context.Month.Number);
    command.Parameters.AddWithValue("$from", context.Period.From.ToUnixTimeMilliseconds());
    command.Parameters.AddWithValue("$to", context.Period.To.ToUnixTimeMilliseconds());
    using var reader = command.ExecuteReader();
    reader.Read();
    Console.WriteLine($"events {reader.GetInt64(0):N0}; rollup rows {reader.GetInt64(1):N0} ({reader.GetInt64(2):N0} for the listed month); events in the listed month {reader.GetInt64(3):N0}; file {new FileInfo(path).Length / 1e6:N0} MB");
}

async Task<string> FolderOfAsync(string asset)
{
    using var connection = writer.Reader.OpenConnection();
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT a.folder FROM asset a JOIN environment v ON v.id = a.env JOIN text_value t ON t.id = a.asset
        WHERE v.name = $env AND t.value = $asset AND a.folder IS NOT NULL
        """;
    command.Parameters.AddWithValue("$env", env.Id);
    command.Parameters.AddWithValue("$asset", asset);
    var full = await command.ExecuteScalarAsync() switch { string s => s, long id => Text(connection, id), _ => "" };
    return full.Split('/')[0];
}

static string Text(SqliteConnection connection, long id)
{
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT value FROM text_value WHERE id = $id";
    command.Parameters.AddWithValue("$id", id);
    return (string)command.ExecuteScalar()!;
}

/// <summary>The benchmark's "now" for the recent events' window.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Milliseconds of a series of runs: median and p99 (the slowest run when there are fewer than 100).</summary>
internal sealed class Timing(List<double> times)
{
    private readonly double[] _sorted = [.. times.Order()];

    public double Median => _sorted[_sorted.Length / 2];

    public double P99 => _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(_sorted.Length * 0.99) - 1)];

    public static async Task<double> Once(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static async Task<Timing> Of(int runs, Func<Task> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++) times.Add(await Once(run));
        return new Timing(times);
    }
}
