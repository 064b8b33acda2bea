using System.Text;
using System.Text.Json.Nodes;
using Elastic.Transport;
using GraphReports.Elasticsearch;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// The report schema over the Elasticsearch store, whose cluster is Elastic.Transport's in-memory
/// invoker: one GraphQL request sends ONE <c>_msearch</c>, and a search the cluster refuses becomes a
/// GraphQL error on the fields built on it while the others answer.
/// </summary>
public sealed class ElasticsearchThroughGraphQLTests : IDisposable
{
    private readonly FakeMultiSearch _cluster = new();
    private readonly ReportTestHost _host;

    public ElasticsearchThroughGraphQLTests() =>
        _host = new ReportTestHost(SmallDataset.Now, _ => ElasticsearchStore.Create(new ElasticsearchStoreOptions { IndexPrefix = "gr" }, _cluster,
            s => s.DisableDirectStreaming().EnableHttpCompression(false)).Reports);

    public void Dispose()
    {
        _host.Dispose();
        _cluster.Dispose();
    }

    [Fact]
    public async Task The_whole_dashboard_is_one_msearch()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, File.ReadAllText(Examples.PathOf("dashboard.graphql")), new { month = "2026-03" });
        Assert.Equal(["/_msearch"], _cluster.Paths);
        Assert.True(_cluster.Searches > 100, $"only {_cluster.Searches} searches");
        // Every figure but the event totals was refused by the fake: the errors name those fields.
        Assert.All(response.GetProperty("errors").EnumerateArray(), e => Assert.Equal("STORE_QUERY_FAILED", e.GetProperty("extensions").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_refused_search_is_an_error_on_its_field_only()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, """
            { environment { summary(month: "2026-03") { searches { current } } search(month: "2026-03") { topSearches { text } } } }
            """);
        Assert.Equal(["/_msearch"], _cluster.Paths);
        // summary.searches was answered (no error for it); topSearches is non-null in the schema, so its
        // error nulls the response's data up to the nearest nullable parent, as GraphQL specifies.
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("STORE_QUERY_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["environment", "search", "topSearches"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("'topSearches'", error.GetProperty("message").GetString());
        Assert.Contains("index_not_found_exception", error.GetProperty("message").GetString());
    }

    /// <summary>
    /// Answers each <c>_msearch</c> item as the body asks: a search counting events (<c>track_total_hits</c>)
    /// finds 7, any other is refused with Elastic's 404 item error. Records the paths requested.
    /// </summary>
    private sealed class FakeMultiSearch : IRequestInvoker
    {
        private readonly InMemoryRequestInvoker _factoryOwner = new();

        public List<string> Paths { get; } = [];
        public int Searches { get; private set; }

        public ResponseFactory ResponseFactory => _factoryOwner.ResponseFactory;

        public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData) where TResponse : TransportResponse, new() =>
            Answer(endpoint, boundConfiguration, postData).Request<TResponse>(endpoint, boundConfiguration, postData);

        public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken) where TResponse : TransportResponse, new() =>
            Answer(endpoint, boundConfiguration, postData).RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);

        private InMemoryRequestInvoker Answer(Endpoint endpoint, BoundConfiguration configuration, PostData? postData)
        {
            Paths.Add(endpoint.Uri.AbsolutePath);
            using var body = new MemoryStream();
            postData!.Write(body, configuration.ConnectionSettings, disableDirectStreaming: true);
            var lines = Encoding.UTF8.GetString(body.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Searches = lines.Length / 2;
            var items = lines.Where((_, i) => i % 2 == 1).Select(line => JsonNode.Parse(line)!["track_total_hits"]?.GetValue<bool>() == true
                ? """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":7,"relation":"eq"},"max_score":null,"hits":[]},"status":200}"""
                : """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [gr-events]"}],"type":"index_not_found_exception","reason":"no such index [gr-events]"},"status":404}""");
            var response = Encoding.UTF8.GetBytes("{\"took\":1,\"responses\":[" + string.Join(",", items) + "]}");
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["X-Elastic-Product"] = ["Elasticsearch"] };
            return new InMemoryRequestInvoker(response, 200, null, "application/json", headers);
        }

        public void Dispose() => ((IDisposable)_factoryOwner).Dispose();
    }
}
