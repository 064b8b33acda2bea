using System.CommandLine;
using System.Diagnostics;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Progress;
using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using Spectre.Console;
using GraphReports.Analytics.Text;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// <c>import &lt;file|-&gt; --environment &lt;id&gt; [--rejected &lt;path&gt;] [--indexes auto|after|during] [--no-rollups]</c>:
/// streams NDJSON into one environment through the store's bulk path, in constant memory, then builds
/// what reads need: the secondary indexes when the load went without them, and the report rollups of
/// the months it touched. Shows progress bars on a terminal and plain progress lines otherwise; prints
/// accepted, duplicate and rejected counts and the time of each step; rejected lines go with their
/// reasons to <c>&lt;file&gt;.rejected.ndjson</c> (or <c>--rejected</c>).
/// </summary>
public static class ImportCommand
{
    /// <summary>Bytes of NDJSON per event, roughly (demo data: 235): to compare a file with the store's size.</summary>
    private const long BytesPerEvent = 250;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "NDJSON file to import, or - for standard input." };
        var environment = new Option<string>("--environment", "-e") { Description = "Id of the product environment the events belong to.", Required = true };
        var rejected = new Option<string?>("--rejected") { Description = "Where rejected lines go (default: <file>.rejected.ndjson, or rejected.ndjson for standard input)." };
        var indexes = new Option<IndexMode>("--indexes")
        {
            Description = "after: drop the store's secondary indexes and build them once the events are in (fastest for a big file); " +
                          "during: keep them up to date row by row; auto: after when the file is larger than the store already is.",
            DefaultValueFactory = _ => IndexMode.Auto,
        };
        var noRollups = new Option<bool>("--no-rollups") { Description = "Leave the report rollups of the imported months stale (the Api rebuilds them in the background; reports scan meanwhile)." };
        var command = new Command("import", "Import events from an NDJSON file (or standard input) into an environment.") { file, environment, rejected, indexes, noRollups };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(
            new ImportRequest(parse.GetValue(file)!, parse.GetValue(environment)!, parse.GetValue(rejected), parse.GetValue(indexes), !parse.GetValue(noRollups)),
            parse.UnmatchedTokens.ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(ImportRequest request, string[] configurationArgs, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build(configurationArgs);
        if (CommandHost.FindEnvironment(host.Services, request.EnvironmentId) is null) return 2;
        var fromStdin = request.File == "-";
        if (!fromStdin && !File.Exists(request.File)) { Console.Error.WriteLine($"No such file: {request.File}"); return 2; }
        var rejectedPath = request.RejectedPath ?? (fromStdin ? "rejected.ndjson" : request.File + ".rejected.ndjson");

        await using var input = fromStdin ? Console.OpenStandardInput() : new FileStream(request.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        long? total = fromStdin ? null : input.Length;
        var reader = host.Services.GetRequiredService<EventJsonReader>();
        var output = Console.IsOutputRedirected ? (IImportOutput)new ProgressLines() : new ProgressBars();
        // GraphReports:Store=Elasticsearch: the same file through the bulk writer; no indexes or rollups to rebuild.
        if (host.Services.GetService<ElasticsearchStore>() is { } elastic)
        {
            await elastic.Startup.EnsureReadyAsync(cancellationToken);
            request = request with { Indexes = IndexMode.During, BuildRollups = false };
        }
        var store = host.Services.GetService<ElasticsearchStore>() is null ? host.Services.GetRequiredService<SqliteEventStore>() : null;
        var deferIndexes = store is not null && request.Indexes switch
        {
            IndexMode.After => true,
            IndexMode.During => false,
            _ => total is { } bytes && bytes / BytesPerEvent > store.Reader.CountAllEvents(),
        };

        var stopwatch = Stopwatch.StartNew();
        ImportProgress result;
        if (deferIndexes) await store!.DropSecondaryIndexesAsync(cancellationToken);
        await using (var rejectedOutput = new FileStream(rejectedPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
        {
            var import = new NdjsonImport(reader, input, rejectedOutput);
            result = await output.LoadAsync(report => store is not null
                ? LoadAsync(store, import, request.EnvironmentId, report, cancellationToken)
                : LoadThroughWriterAsync(host.Services.GetRequiredService<IEventWriter>(), import, request.EnvironmentId, report, cancellationToken), input, total);
        }
        if (result.Rejected == 0) File.Delete(rejectedPath);
        var loaded = stopwatch.Elapsed;

        if (deferIndexes) await output.StepAsync("building the secondary indexes", () => store!.CreateSecondaryIndexesAsync(cancellationToken));
        var indexed = stopwatch.Elapsed;
        RollupBuildTotals? rollups = null;
        if (request.BuildRollups && store is not null)
        {
            var zoneOf = host.Services.GetRequiredService<CredentialDirectory>().TimeZoneOf;
            rollups = await output.RollupsAsync(progress => ReportRollups.BuildStaleAsync(store, zoneOf, progress, cancellationToken: cancellationToken));
        }
        var done = stopwatch.Elapsed;

        Console.Out.WriteLine($"lines: {result.Lines}");
        Console.Out.WriteLine($"accepted: {result.Accepted}");
        Console.Out.WriteLine($"duplicates: {result.Duplicates}");
        Console.Out.WriteLine(result.Rejected == 0 ? "rejected: 0" : $"rejected: {result.Rejected} (lines and reasons in {rejectedPath})");
        Console.Out.WriteLine($"loaded: {loaded.TotalSeconds:F1} s ({Rate(result.Lines, loaded)} lines/s)");
        if (deferIndexes) Console.Out.WriteLine($"indexes built after loading: {(indexed - loaded).TotalSeconds:F1} s");
        if (rollups is { } r) Console.Out.WriteLine($"report rollups: {Counted.Of(r.Months, "month")} rebuilt in {(done - indexed).TotalSeconds:F1} s");
        Console.Out.WriteLine($"elapsed: {done.TotalSeconds:F1} s ({Rate(result.Lines, done)} lines/s)");
        // On Linux this is VmHWM of /proc/self/status: the most memory the import ever held.
        Console.Out.WriteLine($"peak memory: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return 0;
    }

    /// <summary>Streams the import through the host's <see cref="IEventWriter"/> (the Elasticsearch bulk writer) in batches of 1,000.</summary>
    private static async Task<ImportProgress> LoadThroughWriterAsync(IEventWriter writer, NdjsonImport import, string environmentId, Action<ImportProgress> report, CancellationToken cancellationToken)
    {
        long inserted = 0, duplicates = 0;
        var batch = new List<GraphReports.Analytics.Events.ActivityEvent>(1_000);
        async Task FlushAsync()
        {
            var outcomes = await writer.WriteAsync(environmentId, batch, cancellationToken);
            inserted += outcomes.Count(o => o == WriteOutcome.Inserted);
            duplicates += outcomes.Count(o => o == WriteOutcome.Duplicate);
            batch.Clear();
            report(new ImportProgress(import.Lines, inserted, duplicates, import.Rejected));
        }
        await foreach (var e in import.ReadEventsAsync(cancellationToken))
        {
            batch.Add(e);
            if (batch.Count == 1_000) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        return new ImportProgress(import.Lines, inserted, duplicates, import.Rejected);
    }

    private static string Rate(long lines, TimeSpan elapsed) => (lines / Math.Max(elapsed.TotalSeconds, 1e-6)).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Streams the import through the store's bulk path; <paramref name="report"/> hears after each committed batch.</summary>
    private static async Task<ImportProgress> LoadAsync(SqliteEventStore store, NdjsonImport import, string environmentId, Action<ImportProgress> report, CancellationToken cancellationToken)
    {
        var totals = await store.ImportAsync(environmentId, import.ReadEventsAsync(cancellationToken),
            progress: new InlineProgress<ImportTotals>(t => report(new ImportProgress(import.Lines, t.Inserted, t.Duplicates, import.Rejected))),
            cancellationToken: cancellationToken);
        return new ImportProgress(import.Lines, totals.Inserted, totals.Duplicates, import.Rejected);
    }
}

/// <summary>What <c>import</c> was asked to do.</summary>
public sealed record ImportRequest(string File, string EnvironmentId, string? RejectedPath, IndexMode Indexes = IndexMode.Auto, bool BuildRollups = true);

/// <summary>How <c>import</c> treats the store's secondary indexes.</summary>
public enum IndexMode
{
    /// <summary><see cref="After"/> when the file is larger than the store, else <see cref="During"/>.</summary>
    Auto,

    /// <summary>Drop them before loading, build them after.</summary>
    After,

    /// <summary>Keep them up to date while loading.</summary>
    During,
}
