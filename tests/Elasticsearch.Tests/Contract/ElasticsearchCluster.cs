using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace GraphReports.Elasticsearch.Tests.Contract;

/// <summary>
/// The cluster the Elasticsearch half of the contract suite runs against: <c>ELASTICSEARCH_URL</c>
/// (with <c>ELASTICSEARCH_API_KEY</c>, or <c>ELASTICSEARCH_USERNAME</c>/<c>ELASTICSEARCH_PASSWORD</c>, and
/// <c>ELASTICSEARCH_CA_FINGERPRINT</c>) when set; otherwise, when a Docker engine is reachable, a
/// single-node Elasticsearch 9 started once per test run through Testcontainers' generic container
/// (the Elasticsearch module is not served here). Without either, the suite is reported skipped.
/// </summary>
public static class ElasticsearchCluster
{
    public const string Image = "docker.elastic.co/elasticsearch/elasticsearch:9.2.1";

    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <summary>Null when a cluster can be had; otherwise why the suite is skipped (read by <see cref="Reports.Contract.ContractFactDiscoverer"/>).</summary>
    public static string? SkipReason() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ELASTICSEARCH_URL")) || DockerIsReachable() ? null
            : "ELASTICSEARCH_URL is not set and no Docker engine is reachable (DOCKER_HOST, /var/run/docker.sock): the Elasticsearch half of the contract suite needs a cluster.";

    /// <summary>Options for a fresh index prefix on the cluster (one per test class instance).</summary>
    public static async Task<ElasticsearchStoreOptions> OptionsAsync()
    {
        var url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL") is { Length: > 0 } configured ? configured : await Started.Value.ConfigureAwait(false);
        return new ElasticsearchStoreOptions
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
            Username = Environment.GetEnvironmentVariable("ELASTICSEARCH_USERNAME"),
            Password = Environment.GetEnvironmentVariable("ELASTICSEARCH_PASSWORD"),
            CertificateFingerprint = Environment.GetEnvironmentVariable("ELASTICSEARCH_CA_FINGERPRINT"),
            IndexPrefix = "grtest-" + Guid.NewGuid().ToString("N")[..10],
            Replicas = 0,
            RefreshOnWrite = true,
        };
    }

    private static bool DockerIsReachable() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    private static async Task<string> StartAsync()
    {
        IContainer container = new ContainerBuilder(Image)
            .WithEnvironment("discovery.type", "single-node")
            .WithEnvironment("xpack.security.enabled", "false")
            .WithEnvironment("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            .WithPortBinding(9200, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(9200).ForPath("/_cluster/health?wait_for_status=yellow")))
            .Build();
        // Testcontainers' resource reaper removes the container when the test process ends.
        await container.StartAsync().ConfigureAwait(false);
        return $"http://{container.Hostname}:{container.GetMappedPublicPort(9200)}";
    }
}
