using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphReports.Elasticsearch.Startup;

/// <summary>Runs <see cref="ElasticsearchStartup.EnsureReadyAsync"/> when a host starts: a host never serves over a cluster it cannot use.</summary>
public sealed class ElasticsearchStartupService(ElasticsearchStore store, ILogger<ElasticsearchStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var line in await store.Startup.EnsureReadyAsync(cancellationToken).ConfigureAwait(false))
            logger.LogInformation("Elasticsearch store at {Url}: {Check}", store.Options.Url, line);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
