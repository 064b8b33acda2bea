using Elastic.Transport;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Storage;
using GraphReports.Reports.Contract;

namespace GraphReports.Elasticsearch.Tests.Contract;

/// <summary>A store on a fresh index prefix of the contract cluster, written through the bulk writer (refresh=wait_for), removed when disposed.</summary>
public sealed class ElasticsearchContractStore : IContractStore
{
    private readonly ElasticsearchStore _store;

    private ElasticsearchContractStore(ElasticsearchStore store) => _store = store;

    public static ElasticsearchContractStore Create()
    {
        var store = ElasticsearchStore.Create(ElasticsearchCluster.OptionsAsync().GetAwaiter().GetResult());
        store.Startup.EnsureReadyAsync().GetAwaiter().GetResult();
        return new ElasticsearchContractStore(store);
    }

    public IReportStore Reports => _store.Reports;

    public int Write(string environmentId, IEnumerable<ActivityEvent> events) =>
        _store.Writer.WriteAsync(environmentId, events.ToArray()).GetAwaiter().GetResult().Count(o => o == WriteOutcome.Inserted);

    public void Dispose()
    {
        var transport = _store.Client.Transport;
        transport.RequestAsync<StringResponse>(new EndpointPath(Elastic.Transport.HttpMethod.DELETE, "/" + _store.Layout.EventsIndex), null, default).GetAwaiter().GetResult();
        transport.RequestAsync<StringResponse>(new EndpointPath(Elastic.Transport.HttpMethod.DELETE, "/_index_template/" + _store.Layout.TemplateName), null, default).GetAwaiter().GetResult();
    }
}
