using System.Diagnostics;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Bench.Reports;

/// <summary>
/// Builds the benchmark's store the way the product does: the demo events written once to an NDJSON
/// file, then the steps of the Indexer's <c>import</c> command (secondary indexes dropped, bulk load,
/// indexes rebuilt, every stale month's rollups built), each timed.
/// </summary>
internal static class ProductLoad
{
    public static string EnsureNdjson(string dataDirectory, ProductEnvironment env, long events, DateTimeOffset now)
    {
        var file = Path.Combine(dataDirectory, $"demo-{events}.ndjson");
        if (File.Exists(file)) return file;
        Console.WriteLine($"generating {events:N0} demo events into {file} (13 months ending {now:yyyy-MM-dd})");
        var partial = file + ".partial";
        using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            new DemoDataGenerator(env, new DemoDataOptions { Events = events, Now = now }).WriteNdjson(output);
        File.Move(partial, file);
        return file;
    }

    /// <summary>The import command's steps on a fresh store file; prints each step's time.</summary>
    public static async Task ImportAsync(string ndjson, SqliteStoreOptions options, ProductEnvironment env, DateTimeOffset now)
    {
        Console.WriteLine($"importing {ndjson} into {options.Path} (the import command's steps)");
        using var store = ReportingStore.Open(options, _ => env.TimeZone);
        var watch = Stopwatch.StartNew();
        await store.DropSecondaryIndexesAsync();
        ImportTotals totals;
        await using (var input = new FileStream(ndjson, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
        {
            var import = new NdjsonImport(new EventJsonReader(new FixedTime(now)), input);
            totals = await store.ImportAsync(env.Id, import.ReadEventsAsync());
        }
        var loaded = watch.Elapsed;
        await store.CreateSecondaryIndexesAsync();
        var indexed = watch.Elapsed;
        var rollups = await ReportRollups.BuildStaleAsync(store, _ => env.TimeZone);
        var done = watch.Elapsed;
        Console.WriteLine($"  load {loaded.TotalSeconds:F1} s ({totals.Total / loaded.TotalSeconds:N0} events/s; {totals.Inserted:N0} stored, {totals.Duplicates:N0} duplicates), " +
                          $"indexes {(indexed - loaded).TotalSeconds:F1} s, rollups of {rollups.Months} months {(done - indexed).TotalSeconds:F1} s; " +
                          $"whole import {done.TotalSeconds:F1} s = {totals.Total / done.TotalSeconds:N0} events/s");
    }
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
