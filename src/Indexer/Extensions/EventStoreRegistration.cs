using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch;
using GraphReports.Sqlite;

namespace GraphReports.Indexer.Extensions;

/// <summary>
/// Which store the collector writes to (<c>GraphReports:Store</c>): the embedded SQLite store
/// (default) or Elasticsearch through <c>_bulk</c> (checked at start-up: docs/elasticsearch.md).
/// </summary>
public static class EventStoreRegistration
{
    /// <summary>The store this configuration selects.</summary>
    public static StoreKind StoreOf(IConfiguration configuration) => StoreSelection.Parse(configuration[StoreSelection.Key]);

    public static IHostApplicationBuilder AddEventStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        switch (StoreOf(builder.Configuration))
        {
            case StoreKind.Elasticsearch:
                services.AddElasticsearchStore(builder.Configuration);
                services.AddSingleton<IEventWriter>(sp => sp.GetRequiredService<ElasticsearchStore>().Writer);
                break;
            default:
                services.AddSingleton<IEventWriter>(sp => sp.GetRequiredService<SqliteEventStore>());
                break;
        }
        return builder;
    }
}
