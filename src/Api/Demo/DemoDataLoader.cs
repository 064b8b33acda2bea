using System.Diagnostics;
using System.IO.Pipelines;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphReports.Api.Demo;

/// <summary>
/// Fills an empty store with the demo dataset: for every configured environment, the
/// <see cref="DemoDataGenerator"/> writes NDJSON into a pipe that the import reads on the other
/// side, so the data never exists as a file and memory stays flat. The same path as
/// <c>import</c>: validated by <see cref="EventJsonReader"/>, stored through the store's bulk path.
/// </summary>
public sealed class DemoDataLoader(
    SqliteEventStore store, CredentialDirectory environments, EventJsonReader reader, IOptions<DemoOptions> options, ILogger<DemoDataLoader> logger)
{
    /// <summary>Loads the demo data if the store is empty and loading is on; returns the events stored.</summary>
    public async Task<long> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var demo = options.Value;
        if (!demo.LoadOnEmptyStore || demo.Events <= 0) return 0;
        if (store.Reader.EnvironmentIds().Count > 0) return 0;

        logger.LogInformation("The store at {Path} is empty: loading {Events} demo events into {Environments} (switch off with GraphReports:Demo:LoadOnEmptyStore=false).",
            store.Options.Path, demo.Events, string.Join(", ", environments.Environments.Select(e => e.Id)));
        var stopwatch = Stopwatch.StartNew();
        long stored = 0;
        var lastReport = TimeSpan.Zero;
        foreach (var (environment, count) in DemoDataGenerator.Share(environments.Environments, demo.Events))
        {
            var generator = new DemoDataGenerator(environment, new DemoDataOptions { Events = count, Seed = demo.Seed });
            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20));
            var writing = Task.Run(() =>
            {
                using var output = pipe.Writer.AsStream();
                generator.WriteNdjson(output, cancellationToken: cancellationToken);
            }, cancellationToken);
            await using var input = pipe.Reader.AsStream();
            var import = new NdjsonImport(reader, input);
            var before = stored;
            var totals = await store.ImportAsync(environment.Id, import.ReadEventsAsync(cancellationToken), progress: new InlineProgress<ImportTotals>(t =>
            {
                if (stopwatch.Elapsed - lastReport < TimeSpan.FromSeconds(2)) return;
                lastReport = stopwatch.Elapsed;
                logger.LogInformation("Demo data: {Stored} events stored ({Environment}: {Lines} of {Count} generated), {Seconds:F0} s", before + t.Inserted, environment.Id, import.Lines, count, stopwatch.Elapsed.TotalSeconds);
            }), cancellationToken: cancellationToken);
            await writing;
            stored += totals.Inserted;
            if (import.Rejected > 0) logger.LogWarning("Demo data for {Environment}: {Rejected} generated events were rejected.", environment.Id, import.Rejected);
            logger.LogInformation("Demo data for {Environment}: {Inserted} events stored, {Duplicates} duplicates sent on purpose were ignored.", environment.Id, totals.Inserted, totals.Duplicates);
        }
        logger.LogInformation("Demo data loaded: {Stored} events in {Seconds:F1} s.", stored, stopwatch.Elapsed.TotalSeconds);
        return stored;
    }

    /// <summary>Reports on the caller's thread, in order.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
