using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using GraphReports.Analytics.Queries;
using GraphReports.Elasticsearch.Indexing;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>
/// Answers report queries with Elasticsearch aggregations (<see cref="IReportStore"/>). A whole batch
/// (every report field of one GraphQL request) is ONE <c>_msearch</c>: one search per distinct query,
/// each read through the alias, routed to its environment's shard. A search that fails (an
/// <c>_msearch</c> item error, failed shards, a timeout, a limit) becomes a <see cref="FailedResult"/>
/// for its query alone, so the figures built on other queries still answer.
/// </summary>
public sealed class ElasticsearchReportStore(ElasticsearchClient client, IndexLayout layout) : IReportStore
{
    public async Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return [];
        var distinct = batch.DistinctBy(q => q.CacheKey, StringComparer.Ordinal).ToArray();
        var compiled = distinct.Select(Compile).ToArray();
        var request = new MultiSearchRequest
        {
            // Aggregation names carry their type (sterms#groups), which is how the client reads them back.
            TypedKeys = true,
            Searches = distinct.Select((q, i) => new SearchRequestItem(Header(q), compiled[i].Body)).ToList(),
        };
        var response = await client.MultiSearchAsync<object>(request, cancellationToken).ConfigureAwait(false);
        if (response.Responses is not { Count: > 0 } items)
            throw ElasticsearchFailures.ToException(response, "run the report searches (_msearch)");
        if (items.Count != distinct.Length)
            throw new InvalidDataException($"Elasticsearch answered {items.Count} searches of {distinct.Length}.");

        var answers = new Dictionary<string, QueryResult>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items)
        {
            var query = distinct[index];
            answers[query.CacheKey] = Read(item, compiled[index]);
            index++;
        }
        return batch.Select(q => answers[q.CacheKey]).ToArray();
    }

    /// <summary>The search of one query (also used by the golden tests).</summary>
    internal static CompiledSearch Compile(ReportQuery query) => query switch
    {
        { Measure.Kind: MeasureKind.SessionsConverted } => ConvertedSessionsCompiler.Compile(query),
        { Shape: TotalShape } => TotalCompiler.Compile(query),
        { Shape: TopShape top } => TopCompiler.Compile(query, top),
        { Shape: HistogramShape histogram } => HistogramCompiler.Compile(query, histogram),
        _ => throw new NotSupportedException($"Shape {query.Shape.ToKey()} is not supported."),
    };

    /// <summary>Every search reads the alias, on its environment's shard only; the request cache may keep its answer.</summary>
    internal MultisearchHeader Header(ReportQuery query) => new()
    {
        Indices = layout.ReadAlias,
        Routing = query.EnvironmentId,
        RequestCache = true,
    };

    private static QueryResult Read(MultiSearchResponseItem<object> item, CompiledSearch search) =>
        item.Match<QueryResult>(
            ok =>
            {
                if (ok is null) return new FailedResult("Elasticsearch answered an empty search item.");
                if (ElasticsearchFailures.PartialFailure(ok) is { } partial) return new FailedResult(partial);
                try
                {
                    return search.Read(ok);
                }
                catch (StoreQueryException e)
                {
                    return new FailedResult(e.Message);
                }
            },
            error => new FailedResult(ElasticsearchFailures.Describe(error?.Status ?? 0, error?.Error)));
}
