using GraphReports.Elasticsearch.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphReports.Elasticsearch;

/// <summary>Registers the Elasticsearch store for a host: its options, the store over one client, and the start-up check.</summary>
public static class ElasticsearchStoreServices
{
    /// <summary>Adds <see cref="ElasticsearchStore"/> bound from <c>GraphReports:Elasticsearch</c> and runs its checks when the host starts; the host then registers the seam it uses (writer or report store).</summary>
    public static IServiceCollection AddElasticsearchStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ElasticsearchStoreOptions>(configuration.GetSection(ElasticsearchStoreOptions.SectionName));
        services.TryAddSingleton(sp => ElasticsearchStore.Create(sp.GetRequiredService<IOptions<ElasticsearchStoreOptions>>().Value, clock: sp.GetService<TimeProvider>()));
        services.AddHostedService<ElasticsearchStartupService>();
        return services;
    }
}
