using System.Diagnostics;
using GraphReports.Analytics.Time;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Brings the report rollups up to date: every (environment, month) whose rollups are stale (events of
/// it were stored since they were built) or were built in another zone than the environment's now is
/// rebuilt from its events, one month per writer job. Until then reports scan that month's events,
/// so figures are exact either way; rollups only make closed months cheap to read.
/// </summary>
public static class ReportRollups
{
    /// <summary>The months whose rollups need building, oldest first.</summary>
    /// <param name="store">The store.</param>
    /// <param name="zoneOf">The time zone of an environment.</param>
    /// <param name="closedBefore">When given, only months that ended by this instant in their environment's zone.</param>
    public static IReadOnlyList<(string EnvironmentId, int Month)> StaleMonths(
        SqliteEventStore store, Func<string, TimeZoneInfo> zoneOf, DateTimeOffset? closedBefore = null)
    {
        using var connection = StoreConnections.OpenReader(store.Options);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT env, month, zone, current FROM report_rollup_month ORDER BY month, env";
        using var reader = command.ExecuteReader();
        var stale = new List<(string, int)>();
        while (reader.Read())
        {
            var env = reader.GetString(0);
            var zone = zoneOf(env);
            var month = reader.GetInt32(1);
            if (closedBefore is { } now && month >= MonthNumbers.Of(ZonedCalendar.MonthOf(now, zone))) continue;
            if (reader.GetInt64(3) == 0 || reader.GetString(2) != zone.Id) stale.Add((env, month));
        }
        return stale;
    }

    /// <summary>Rebuilds every stale month (see <see cref="StaleMonths"/>); reports progress after each.</summary>
    /// <returns>What was built and how long it took.</returns>
    public static async Task<RollupBuildTotals> BuildStaleAsync(
        SqliteEventStore store, Func<string, TimeZoneInfo> zoneOf, IProgress<RollupBuildTotals>? progress = null,
        DateTimeOffset? closedBefore = null, CancellationToken cancellationToken = default)
    {
        var stale = StaleMonths(store, zoneOf, closedBefore);
        var stopwatch = Stopwatch.StartNew();
        var totals = new RollupBuildTotals(0, stale.Count, 0, TimeSpan.Zero);
        var builder = new MonthRollupBuilder(); // its buffers serve every month in turn (jobs run one at a time)
        foreach (var (env, month) in stale)
        {
            var zone = zoneOf(env);
            var events = await store.RunExclusiveAsync((c, tx) => builder.Build(c, tx, env, month, zone), cancellationToken).ConfigureAwait(false);
            totals = totals with { Months = totals.Months + 1, Events = totals.Events + events, Elapsed = stopwatch.Elapsed };
            progress?.Report(totals);
        }
        return totals;
    }
}

/// <summary>Progress of a rollup build: months built of those stale when it started, the events they hold, time spent.</summary>
public readonly record struct RollupBuildTotals(int Months, int StaleMonths, long Events, TimeSpan Elapsed);
