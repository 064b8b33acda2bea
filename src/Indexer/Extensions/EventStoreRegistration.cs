using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch;
using GraphReports.Elasticsearch.Startup;
using GraphReports.Sqlite;
using Microsoft.Extensions.Options;

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
                services.Configure<ElasticsearchStoreOptions>(builder.Configuration.GetSection(ElasticsearchStoreOptions.SectionName));
                services.AddSingleton(sp => ElasticsearchStore.Create(sp.GetRequiredService<IOptions<ElasticsearchStoreOptions>>().Value, clock: sp.GetService<TimeProvider>()));
                services.AddSingleton<IEventWriter>(sp => sp.GetRequiredService<ElasticsearchStore>().Writer);
                services.AddHostedService<ElasticsearchStartupService>();
                break;
            default:
                services.AddSingleton<IEventWriter>(sp => sp.GetRequiredService<SqliteEventStore>());
                break;
        }
        return builder;
    }
}
