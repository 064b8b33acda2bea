using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Sqlite;

// Ingest benchmark: generates N demo events to a file, then times the real `import` command
// (GraphReports.Indexer.dll in its own process, fresh store each run) and reports events/s and the
// import's peak memory. To show where the time goes it also times, in this process, reading the
// lines alone and reading + validating them (no store).
//
//   dotnet run -c Release --project bench/Ingest -- [--events 1000000] [--runs 3] [--folder /tmp/graphreports-bench]
var events = Arg("--events", 1_000_000L);
var runs = (int)Arg("--runs", 3L);
var folder = ArgText("--folder") ?? Path.Combine(Path.GetTempPath(), "graphreports-bench");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, $"acme-{events}.ndjson");
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
var indexer = Path.Combine(FindRoot(), "src", "Indexer", "bin", configuration, "net10.0", "GraphReports.Indexer.dll");

var acme = new ProductEnvironment("acme", "ACME", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
var generation = Stopwatch.StartNew();
using (var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
    new DemoDataGenerator(acme, new DemoDataOptions { Events = events, Seed = 1 }).WriteNdjson(output);
generation.Stop();
var bytes = new FileInfo(file).Length;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine($"generate: {events:N0} events, {bytes / 1e6:F0} MB in {generation.Elapsed.TotalSeconds:F1} s ({events / generation.Elapsed.TotalSeconds:N0} events/s)");

// The store alone: the first events of the file, validated beforehand and held in memory.
const int StoreOnly = 100_000;
var preloaded = new List<GraphReports.Analytics.Events.ActivityEvent>(StoreOnly);
{
    var reader = new EventJsonReader();
    var source = new NdjsonEventSource(File.OpenRead(file));
    while (preloaded.Count < StoreOnly && await source.MoveNextAsync()) preloaded.Add(reader.Read(source.Current.Span).Event!);
}
var storeOnly = new List<double>();
var split = new List<double>();
var validate = new List<double>();
var import = new List<ImportSteps>();
for (var run = 0; run < runs; run++)
{
    split.Add(await TimeAsync(async () => { var s = new NdjsonEventSource(File.OpenRead(file)); while (await s.MoveNextAsync()) { } }));
    var reader = new EventJsonReader();
    validate.Add(await TimeAsync(async () => { var s = new NdjsonEventSource(File.OpenRead(file)); while (await s.MoveNextAsync()) reader.Read(s.Current.Span); }));

    var alone = Path.Combine(folder, $"alone-{run}.db");
    using (var bulk = SqliteEventStore.Open(new SqliteStoreOptions { Path = alone }))
        storeOnly.Add(await TimeAsync(() => bulk.ImportAsync("acme", preloaded)));
    foreach (var f in Directory.GetFiles(folder, $"alone-{run}.db*")) File.Delete(f);

    var store = Path.Combine(folder, $"store-{run}.db");
    foreach (var f in Directory.GetFiles(folder, $"store-{run}.db*")) File.Delete(f);
    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var a in new[] { indexer, "import", file, "--environment", "acme", $"--GraphReports:Storage:Path={store}" }) info.ArgumentList.Add(a);
    // Each run starts with the disk quiet: the previous run's writes flushed (they otherwise slow this one's commits).
    Process.Start("sync")!.WaitForExit();
    await Task.Delay(TimeSpan.FromSeconds(3));
    var stopwatch = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var text = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    stopwatch.Stop();
    if (process.ExitCode != 0) throw new InvalidOperationException("import failed:\n" + text);
    var lines = long.Parse(Regex.Match(text, @"^lines: (\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
    double Seconds(string pattern) => double.Parse(Regex.Match(text, pattern, RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
    var step = new ImportSteps(
        Seconds(@"^loaded: ([\d.]+) s"), Seconds(@"^indexes built after loading: ([\d.]+) s"), Seconds(@"^report rollups: \d+ months rebuilt in ([\d.]+) s"),
        Seconds(@"^elapsed: ([\d.]+) s"), long.Parse(Regex.Match(text, @"^peak memory: (\d+) MiB", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture));
    import.Add(step);
    Console.WriteLine($"run {run + 1}: split {split[^1]:F2} s, split+validate {validate[^1]:F2} s, store alone {StoreOnly / storeOnly[^1]:N0} events/s, " +
        $"import: load {step.Load:F2} s ({lines / step.Load:N0} events/s), indexes {step.Indexes:F2} s, rollups {step.Rollups:F2} s, all {step.All:F2} s ({lines / step.All:N0} events/s; process wall {stopwatch.Elapsed.TotalSeconds:F1} s), peak {step.PeakMiB} MiB");
    foreach (var f in Directory.GetFiles(folder, $"store-{run}.db*")) File.Delete(f);
}

double Median(IEnumerable<double> values) { var v = values.Order().ToArray(); return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2; }
Console.WriteLine();
Console.WriteLine($"| step | median of {runs} | events/s |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| read lines (NdjsonEventSource) | {Median(split):F2} s | {events / Median(split):N0} |");
Console.WriteLine($"| read + validate (EventJsonReader) | {Median(validate):F2} s | {events / Median(validate):N0} |");
Console.WriteLine($"| store bulk path alone ({StoreOnly:N0} pre-validated events in memory, fresh store) | {Median(storeOnly):F2} s | {StoreOnly / Median(storeOnly):N0} |");
Console.WriteLine($"| import: load (read + validate + store, durable and queryable) | {Median(import.Select(i => i.Load)):F2} s | {events / Median(import.Select(i => i.Load)):N0} |");
Console.WriteLine($"| import: + secondary indexes built after loading | {Median(import.Select(i => i.Indexes)):F2} s | {events / Median(import.Select(i => i.Load + i.Indexes)):N0} |");
Console.WriteLine($"| import: + report rollups of the 13 months | {Median(import.Select(i => i.Rollups)):F2} s | {events / Median(import.Select(i => i.All)):N0} |");
Console.WriteLine($"| import peak memory (VmHWM) | {Median(import.Select(i => (double)i.PeakMiB)):F0} MiB | |");
return 0;

static async Task<double> TimeAsync(Func<Task> action) { var sw = Stopwatch.StartNew(); await action(); return sw.Elapsed.TotalSeconds; }

long Arg(string name, long fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback; }

string? ArgText(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "GraphReports.sln"))) return dir.FullName;
    throw new InvalidOperationException("GraphReports.sln not found");
}

/// <summary>The steps the import command prints (seconds) and its peak memory.</summary>
internal readonly record struct ImportSteps(double Load, double Indexes, double Rollups, double All, long PeakMiB);
