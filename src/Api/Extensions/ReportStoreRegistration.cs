using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Recent;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphReports.Api.Extensions;

/// <summary>
/// Which store answers the reports (<c>GraphReports:Store</c>): the embedded SQLite store's rollups
/// and scans (default), or Elasticsearch aggregations (checked at start-up: docs/elasticsearch.md).
/// </summary>
public static class ReportStoreRegistration
{
    /// <summary>Whether the SQLite report store holds the open month's events in memory (docs/configuration.md).</summary>
    public const string RecentEventsKey = "GraphReports:Reports:RecentEvents";

    public static IHostApplicationBuilder AddReportStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var recentEvents = builder.Configuration.GetValue(RecentEventsKey, defaultValue: true);
        switch (StoreSelection.Parse(builder.Configuration[StoreSelection.Key]))
        {
            case StoreKind.Elasticsearch:
                services.AddElasticsearchStore(builder.Configuration);
                services.TryAddSingleton<IReportStore>(sp => sp.GetRequiredService<ElasticsearchStore>().Reports);
                break;
            default:
                // The report store reads the rollups that the host's store keeps (ReportingStore.Open), and answers
                // the open month (and the one before) from its events held in memory.
                services.TryAddSingleton(sp => new SqliteReportStore(sp.GetRequiredService<SqliteEventStore>().Options)
                {
                    Recent = recentEvents ? RecentEvents.OpenMonths(sp.GetService<TimeProvider>() ?? TimeProvider.System) : null,
                });
                // Registered on its own too: the cache wraps IReportStore, and RecentEventsLoader loads this one.
                services.TryAddSingleton<IReportStore>(sp => sp.GetRequiredService<SqliteReportStore>());
                break;
        }
        return builder;
    }
}
