using System.Diagnostics;
using System.IO.Pipelines;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using GraphReports.Bench.Reports;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

// The whole-dashboard benchmark of issue 4: every figure of every section for one environment,
// listed month = the latest, over N generated demo events (bench/RESULTS.md, "Reports").
// Usage: dotnet run -c Release --project bench/Reports -- [events=1000000] [runs=7] [db path]
var events = args.Length > 0 ? long.Parse(args[0]) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 7;
var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"graphreports-bench-reports-{events}.db");

var env = new ProductEnvironment("bench", "Bench", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
var options = new SqliteStoreOptions { Path = path, Durability = CommitDurability.Normal };

if (!File.Exists(path)) await LoadAsync();
else Console.WriteLine($"reusing {path}");

var store = new SqliteReportStore(options);
using var storeReader = new SqliteStoreReader(options);
var context = ReportContext.For(env, null, now);
Console.WriteLine($"listed month {context.Month} (open: {!context.IsClosed}), zone {env.TimeZone.Id}");
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
Console.WriteLine($"whole dashboard: {whole.Queries.Count} queries, {whole.Queries.DistinctBy(q => q.CacheKey).Count()} distinct, in one batch");

var plans = SqliteReportStore.Explain(whole.Queries.DistinctBy(q => q.CacheKey).ToArray(), new Dictionary<string, string> { [env.Id] = env.TimeZone.Id });
Console.WriteLine($"statements: {plans.Count(p => p.Rollup)} on rollups ({plans.Where(p => p.Rollup).Sum(p => p.Queries)} queries), {plans.Count(p => !p.Rollup)} scanning events");

await whole.ExecuteAsync(store); // warm-up: JIT, page cache
Report("nothing cached", await Median(() => whole.ExecuteAsync(store)));

var cache = new ClosedMonthCache(store, env.TimeZone, now);
await whole.ExecuteAsync(cache); // fills the closed months
Report("closed months cached", await Median(() => whole.ExecuteAsync(cache)));
Console.WriteLine($"  queries computed per request with closed months cached: {cache.LastMisses}");

var timings = new List<(string Sql, TimeSpan Time)>();
store.StatementTimed = (sql, time) => timings.Add((sql, time));
await whole.ExecuteAsync(store);
store.StatementTimed = null;
Console.WriteLine($"statements of one uncached request: {timings.Count}, total {timings.Sum(t => t.Time.TotalMilliseconds):N1} ms; slowest:");
foreach (var (sql, time) in timings.OrderByDescending(t => t.Time).Take(6))
    Console.WriteLine($"  {time.TotalMilliseconds,8:N1} ms  {string.Join(' ', sql.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))[..Math.Min(150, sql.Length)]}");

Console.WriteLine("where the time goes (each part alone, nothing cached):");
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
    ("custom slice: distinct users per search text, scan", () => new Figure<QueryResult>("slice", [new ReportQuery(context.Filter() with { Types = [EventType.Search] }, Measure.DistinctUsers, new TopShape(Dimension.SearchText, 10))], r => r[0]).ExecuteAsync(store)),
})
    Report("  " + name, await Median(figure));

Console.WriteLine("floor (plain scans of the open month's rows):");
Report("  store event table: count, distinct users, distinct sessions", await Median(() => Scan("""
    SELECT COUNT(*), COUNT(DISTINCT user), COUNT(DISTINCT session) FROM event
    WHERE env = (SELECT id FROM environment WHERE name = $env) AND type IN (1,2,3,4,5,6,7,8,9,10,11) AND ts_ms >= $from AND ts_ms < $to
    """, context.Period.From.ToUnixTimeMilliseconds(), context.Period.To.ToUnixTimeMilliseconds())));
return;

async Task LoadAsync()
{
    Console.WriteLine($"loading {events:N0} demo events into {path} (13 months ending {now:yyyy-MM-dd})");
    var watch = Stopwatch.StartNew();
    var pipe = new Pipe();
    var producer = Task.Run(() =>
    {
        using var output = pipe.Writer.AsStream();
        new DemoDataGenerator(env, new DemoDataOptions { Events = events, Now = now }).WriteNdjson(output);
    });
    using var writer = SqliteEventStore.Open(options, [new ReportRollupObserver(_ => env.TimeZone)]);
    var import = new NdjsonImport(new EventJsonReader(new FixedTime(now)), pipe.Reader.AsStream());
    var totals = await writer.ImportAsync(env.Id, import.ReadEventsAsync(), 20_000,
        new Progress<ImportTotals>(t => { if (t.Total % 200_000 < 20_000) Console.WriteLine($"  {t.Total:N0} in {watch.Elapsed.TotalSeconds:F0} s"); }));
    await producer;
    Console.WriteLine($"loaded {totals.Inserted:N0} events ({totals.Duplicates:N0} duplicates, {import.Rejected} rejected) in {watch.Elapsed.TotalSeconds:F1} s = {totals.Total / watch.Elapsed.TotalSeconds:N0} events/s");
}

void PrintSizes()
{
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
    connection.Open();
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
    using var connection = storeReader.OpenConnection();
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT a.folder FROM asset a JOIN environment v ON v.id = a.env JOIN text_value t ON t.id = a.asset
        WHERE v.name = $env AND t.value = $asset AND a.folder IS NOT NULL
        """;
    command.Parameters.AddWithValue("$env", env.Id);
    command.Parameters.AddWithValue("$asset", asset);
    var full = (string?)await command.ExecuteScalarAsync() ?? "";
    return full.Split('/')[0];
}

Task Scan(string sql, long from, long to)
{
    using var connection = storeReader.OpenConnection();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Parameters.AddWithValue("$env", env.Id);
    command.Parameters.AddWithValue("$from", from);
    command.Parameters.AddWithValue("$to", to);
    using var reader = command.ExecuteReader();
    reader.Read();
    return Task.CompletedTask;
}

async Task<double> Median(Func<Task> run)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

static void Report(string what, double ms) => Console.WriteLine($"{what}: median {ms:N1} ms");

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
