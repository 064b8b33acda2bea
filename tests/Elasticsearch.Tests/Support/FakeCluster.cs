using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using GraphReports.Elasticsearch;

namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>One request the official client sent: method, path with query string, and the body bytes (uncompressed).</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, byte[] Body)
{
    public string Path => PathAndQuery.Split('?')[0];
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Stands in for a cluster through Elastic.Transport's <see cref="InMemoryRequestInvoker"/> (the
/// official client's own testing seam): every request the client sends is recorded (compression off,
/// bodies kept), and answered by <see cref="Respond"/> (default: the next queued answer) with the
/// <c>X-Elastic-Product: Elasticsearch</c> header the client insists on.
/// </summary>
public sealed class FakeCluster : IRequestInvoker
{
    private readonly Queue<(int Status, string Body)> _answers = new();
    private readonly InMemoryRequestInvoker _factoryOwner = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers a request; by default dequeues the next answer (or 200 <c>{}</c>).</summary>
    public Func<Endpoint, (int Status, string Body)> Respond { get; set; }

    public FakeCluster() => Respond = _ => _answers.Count > 0 ? _answers.Dequeue() : (200, "{}");

    public FakeCluster Answer(int status, string body)
    {
        _answers.Enqueue((status, body));
        return this;
    }

    /// <summary>Queues a fixture file of Fixtures/ as the next answer.</summary>
    public FakeCluster AnswerFixture(string name, int status = 200) => Answer(status, Fixture(name));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>The store over this fake cluster.</summary>
    public ElasticsearchStore Store(ElasticsearchStoreOptions? options = null, TimeProvider? clock = null) =>
        ElasticsearchStore.Create(options ?? new ElasticsearchStoreOptions { IndexPrefix = "gr", Url = "http://127.0.0.1:9200", RetryDelay = TimeSpan.FromMilliseconds(1) },
            this, Configure, clock);

    /// <summary>Keeps request bodies and sends them uncompressed, so the recorded bytes are what a cluster would read.</summary>
    public void Configure(ElasticsearchClientSettings settings) => settings
        .DisableDirectStreaming()
        .EnableHttpCompression(false)
        .OnRequestCompleted(details => Requests.Add(new RecordedRequest(details.HttpMethod.ToString(), details.Uri!.PathAndQuery, details.RequestBodyInBytes ?? [])));

    public ResponseFactory ResponseFactory => _factoryOwner.ResponseFactory;

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData) where TResponse : TransportResponse, new() =>
        Invoker(endpoint).Request<TResponse>(endpoint, boundConfiguration, postData);

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken) where TResponse : TransportResponse, new() =>
        Invoker(endpoint).RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);

    private InMemoryRequestInvoker Invoker(Endpoint endpoint)
    {
        var (status, body) = Respond(endpoint);
        // The in-memory invoker looks response headers up by their lower-case name.
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["X-Elastic-Product"] = ["Elasticsearch"] };
        return new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(body), status, null, "application/json", headers);
    }

    public void Dispose() => ((IDisposable)_factoryOwner).Dispose();
}
