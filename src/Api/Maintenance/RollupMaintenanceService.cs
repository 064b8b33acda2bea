using GraphReports.Analytics.Environments;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using Microsoft.Extensions.Options;
using GraphReports.Analytics.Text;

namespace GraphReports.Api.Maintenance;

/// <summary>Settings of <see cref="RollupMaintenanceService"/> (section <c>GraphReports:Rollups</c>).</summary>
public sealed class RollupMaintenanceOptions
{
    public const string SectionName = "GraphReports:Rollups";

    /// <summary>How often stale months are looked for (default 60 s); 0 or less switches the background rebuild off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Keeps the report rollups current in the background: every <see cref="RollupMaintenanceOptions.Interval"/>
/// it rebuilds the months whose events changed since their rollups were built (late events, imports with
/// <c>--no-rollups</c>, events another process collected), except each environment's current month,
/// which live intake changes all the time and reports scan anyway. Figures are exact meanwhile: reports
/// read a month's rollups only while they are current.
/// </summary>
public sealed class RollupMaintenanceService(
    SqliteEventStore store, CredentialDirectory environments, IOptions<RollupMaintenanceOptions> options, TimeProvider clock, ILogger<RollupMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var totals = await ReportRollups.BuildStaleAsync(store, environments.TimeZoneOf, closedBefore: clock.GetUtcNow(), cancellationToken: stoppingToken);
                if (totals.Months > 0)
                    logger.LogInformation("Rebuilt the report rollups of {StaleMonths} ({Events}) in {Seconds:F1} s.", Counted.Of(totals.Months, "stale month"), Counted.Of(totals.Events, "event"), totals.Elapsed.TotalSeconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Rebuilding stale report rollups failed; reports scan those months until the next attempt.");
            }
        }
    }
}
