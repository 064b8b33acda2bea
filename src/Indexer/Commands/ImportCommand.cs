using System.CommandLine;
using System.Diagnostics;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Sqlite;
using Spectre.Console;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// <c>import &lt;file|-&gt; --environment &lt;id&gt; [--rejected &lt;path&gt;]</c>: streams NDJSON into one
/// environment through the store's bulk path, in constant memory. Shows a progress bar on a
/// terminal and plain progress lines otherwise; prints accepted, duplicate and rejected counts;
/// rejected lines go with their reasons to <c>&lt;file&gt;.rejected.ndjson</c> (or <c>--rejected</c>).
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "NDJSON file to import, or - for standard input." };
        var environment = new Option<string>("--environment", "-e") { Description = "Id of the product environment the events belong to.", Required = true };
        var rejected = new Option<string?>("--rejected") { Description = "Where rejected lines go (default: <file>.rejected.ndjson, or rejected.ndjson for standard input)." };
        var command = new Command("import", "Import events from an NDJSON file (or standard input) into an environment.") { file, environment, rejected };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, parse.GetValue(environment)!, parse.GetValue(rejected), parse.UnmatchedTokens.ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(string file, string environmentId, string? rejectedPath, string[] configurationArgs, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build(configurationArgs);
        if (CommandHost.FindEnvironment(host.Services, environmentId) is null) return 2;
        var fromStdin = file == "-";
        if (!fromStdin && !File.Exists(file)) { Console.Error.WriteLine($"No such file: {file}"); return 2; }
        rejectedPath ??= fromStdin ? "rejected.ndjson" : file + ".rejected.ndjson";

        await using var input = fromStdin ? Console.OpenStandardInput() : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        long? total = fromStdin ? null : input.Length;
        var store = host.Services.GetRequiredService<SqliteEventStore>();
        var reader = host.Services.GetRequiredService<EventJsonReader>();
        var stopwatch = Stopwatch.StartNew();
        ImportProgress result;
        await using (var rejectedOutput = new FileStream(rejectedPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
        {
            result = Console.IsOutputRedirected
                ? await ImportWithProgressLinesAsync(store, new NdjsonImport(reader, input, rejectedOutput), environmentId, stopwatch, cancellationToken)
                : await ImportWithProgressBarAsync(store, new NdjsonImport(reader, input, rejectedOutput), environmentId, input, total, cancellationToken);
        }
        if (result.Rejected == 0) File.Delete(rejectedPath);

        var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-6);
        Console.Out.WriteLine($"lines: {result.Lines}");
        Console.Out.WriteLine($"accepted: {result.Accepted}");
        Console.Out.WriteLine($"duplicates: {result.Duplicates}");
        Console.Out.WriteLine(result.Rejected == 0 ? "rejected: 0" : $"rejected: {result.Rejected} (lines and reasons in {rejectedPath})");
        Console.Out.WriteLine($"elapsed: {stopwatch.Elapsed.TotalSeconds:F1} s ({result.Lines / seconds:F0} lines/s)");
        // On Linux this is VmHWM of /proc/self/status: the most memory the import ever held.
        Console.Out.WriteLine($"peak memory: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return 0;
    }

    /// <summary>Streams the import through the store's bulk path; <paramref name="report"/> hears after each committed batch.</summary>
    private static async Task<ImportProgress> ImportAsync(SqliteEventStore store, NdjsonImport import, string environmentId, Action<ImportProgress> report, CancellationToken cancellationToken)
    {
        var totals = await store.ImportAsync(environmentId, import.ReadEventsAsync(cancellationToken),
            progress: new SyncProgress<ImportTotals>(t => report(new ImportProgress(import.Lines, t.Inserted, t.Duplicates, import.Rejected))),
            cancellationToken: cancellationToken);
        return new ImportProgress(import.Lines, totals.Inserted, totals.Duplicates, import.Rejected);
    }

    private static Task<ImportProgress> ImportWithProgressLinesAsync(
        SqliteEventStore store, NdjsonImport import, string environmentId, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var lastPrint = TimeSpan.Zero;
        return ImportAsync(store, import, environmentId, p =>
        {
            if (stopwatch.Elapsed - lastPrint < TimeSpan.FromSeconds(2)) return;
            lastPrint = stopwatch.Elapsed;
            Console.Out.WriteLine($"progress: {p.Lines} lines (accepted {p.Accepted}, duplicates {p.Duplicates}, rejected {p.Rejected}), {p.Lines / stopwatch.Elapsed.TotalSeconds:F0} lines/s");
        }, cancellationToken);
    }

    private static async Task<ImportProgress> ImportWithProgressBarAsync(
        SqliteEventStore store, NdjsonImport import, string environmentId, Stream input, long? total, CancellationToken cancellationToken)
    {
        ImportProgress? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("import", maxValue: total ?? 1);
                if (total is null) task.IsIndeterminate = true;
                result = await ImportAsync(store, import, environmentId, p =>
                {
                    task.Description = $"{p.Lines:N0} lines, {p.Accepted:N0} accepted";
                    if (total is not null) task.Value = Math.Min(input.Position, total.Value);
                }, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (Progress&lt;T&gt; posts to the pool).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
