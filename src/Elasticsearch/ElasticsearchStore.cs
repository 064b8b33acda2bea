using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Queries;
using GraphReports.Elasticsearch.Startup;
using GraphReports.Elasticsearch.Writing;

namespace GraphReports.Elasticsearch;

/// <summary>
/// The Elasticsearch store's parts over one client: the writer the Indexer uses
/// (<see cref="ElasticsearchEventWriter"/>), the report store the Api reads
/// (<see cref="ElasticsearchReportStore"/>), and the start-up checks (<see cref="ElasticsearchStartup"/>).
/// </summary>
public sealed class ElasticsearchStore
{
    private ElasticsearchStore(ElasticsearchClient client, ElasticsearchStoreOptions options, TimeProvider? clock)
    {
        Client = client;
        Options = options;
        Layout = IndexLayout.From(options);
        Writer = new ElasticsearchEventWriter(client, Layout, options, clock);
        Reports = new ElasticsearchReportStore(client, Layout);
        Startup = new ElasticsearchStartup(client, Layout, options);
    }

    public ElasticsearchClient Client { get; }
    public ElasticsearchStoreOptions Options { get; }
    public IndexLayout Layout { get; }
    public ElasticsearchEventWriter Writer { get; }
    public ElasticsearchReportStore Reports { get; }
    public ElasticsearchStartup Startup { get; }

    /// <summary>The store over a client built from <paramref name="options"/>; <paramref name="invoker"/> and <paramref name="configure"/> as in <see cref="ElasticsearchClients.Create"/>.</summary>
    public static ElasticsearchStore Create(ElasticsearchStoreOptions options, IRequestInvoker? invoker = null, Action<ElasticsearchClientSettings>? configure = null, TimeProvider? clock = null) =>
        new(ElasticsearchClients.Create(options, invoker, configure), options, clock);
}
