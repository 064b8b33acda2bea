using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Text;
using GraphReports.Sqlite.Queries;

namespace GraphReports.Api.Maintenance;

/// <summary>
/// Loads the SQLite report store's recent events (docs/reports.md, "Recent events in memory") for every configured
/// environment when the Api starts, then brings them up to date every <see cref="Interval"/> (and into the next
/// window when a month begins), so that requests find them loaded and only read the few rows stored since.
/// </summary>
/// <param name="reports">The SQLite report store, or null when the reports are answered by another store (nothing to load).</param>
/// <param name="environments">The configured environments.</param>
/// <param name="clock">The host's clock.</param>
/// <param name="logger">Where the first load is reported.</param>
public sealed class RecentEventsLoader(SqliteReportStore? reports, CredentialDirectory environments, TimeProvider clock, ILogger<RecentEventsLoader> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (reports is not { Recent: not null } store) return;
        await Task.Yield(); // let the host finish starting
        var ids = environments.Environments.Select(e => e.Id).ToArray();
        var started = clock.GetTimestamp();
        if (await LoadAsync(store, ids, stoppingToken) is { } held)
            logger.LogInformation("Loaded the recent events of the open months in memory: {Events} in {Seconds:F1} s.",
                Counted.Of(held.Values.Sum(), "event"), clock.GetElapsedTime(started).TotalSeconds);
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await LoadAsync(store, ids, stoppingToken);
    }

    private async Task<IReadOnlyDictionary<string, int>?> LoadAsync(SqliteReportStore store, string[] ids, CancellationToken stoppingToken)
    {
        try
        {
            return await store.LoadRecentEventsAsync(ids, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Requests load what they need themselves; this only saves them the wait.
            logger.LogWarning(e, "Loading the recent events failed; the next request or attempt loads them.");
            return null;
        }
    }
}
