using System.Diagnostics;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Progress;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using Microsoft.Extensions.Options;
using GraphReports.Analytics.Text;

namespace GraphReports.Api.Demo;

/// <summary>
/// Fills an empty store with the demo dataset: for every configured environment, the
/// <see cref="DemoDataGenerator"/>'s NDJSON is validated by <see cref="EventJsonReader"/> on the
/// fly (<see cref="DemoDataGenerator.ReadEventsAsync"/>) and stored through the store's bulk path,
/// as <c>import</c> does (secondary indexes built after loading, then the report rollups); no file
/// is written and memory stays flat. The data ends at the host's clock (<see cref="TimeProvider"/>), so
/// a host started with a chosen clock has its months filled relative to that clock.
/// </summary>
public sealed class DemoDataLoader(
    SqliteEventStore store, CredentialDirectory environments, EventJsonReader reader, IOptions<DemoOptions> options,
    TimeProvider clock, ILogger<DemoDataLoader> logger)
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
        // An empty store: load without the secondary indexes and build them once at the end (the bulk path of import).
        await store.DropSecondaryIndexesAsync(cancellationToken);
        var lastReport = TimeSpan.Zero;
        foreach (var (environment, count) in DemoDataGenerator.Share(environments.Environments, demo.Events))
        {
            var generator = new DemoDataGenerator(environment, new DemoDataOptions { Events = count, Seed = demo.Seed }, clock);
            var before = stored;
            var totals = await store.ImportAsync(environment.Id, generator.ReadEventsAsync(reader, cancellationToken), progress: new InlineProgress<ImportTotals>(t =>
            {
                if (stopwatch.Elapsed - lastReport < TimeSpan.FromSeconds(2)) return;
                lastReport = stopwatch.Elapsed;
                logger.LogInformation("Demo data: {Stored} events stored ({Environment}: {Done} of {Count}), {Seconds:F0} s", before + t.Inserted, environment.Id, t.Total, count, stopwatch.Elapsed.TotalSeconds);
            }), cancellationToken: cancellationToken);
            stored += totals.Inserted;
            logger.LogInformation("Demo data for {Environment}: {Inserted} events stored, {Duplicates} duplicates sent on purpose were ignored.", environment.Id, totals.Inserted, totals.Duplicates);
        }
        await store.CreateSecondaryIndexesAsync(cancellationToken);
        var rollups = await ReportRollups.BuildStaleAsync(store, environments.TimeZoneOf, cancellationToken: cancellationToken);
        logger.LogInformation("Demo data loaded: {Stored} events in {Seconds:F1} s (indexes and the report rollups of {Months} included).",
            stored, stopwatch.Elapsed.TotalSeconds, Counted.Of(rollups.Months, "month"));
        return stored;
    }
}
