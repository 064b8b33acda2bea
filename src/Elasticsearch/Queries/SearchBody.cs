using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>The body every report search shares: no hits (<c>size: 0</c>), the filter's query, and its aggregations.</summary>
internal static class SearchBody
{
    /// <param name="filter">The events the search reads.</param>
    /// <param name="aggregations">What it computes over them.</param>
    /// <param name="countHits">True to have the exact number of matching events (<c>track_total_hits: true</c>); false spares the count.</param>
    public static MultisearchBody Of(EventFilter filter, IDictionary<string, Aggregation>? aggregations, bool countHits = false) => new()
    {
        Size = 0,
        Query = FilterQuery.Build(filter),
        TrackTotalHits = new TrackHits(countHits),
        Aggregations = aggregations,
    };
}
