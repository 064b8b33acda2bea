using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>Totals: events are the search's exact hit count (<c>track_total_hits: true</c>), other measures one metric aggregation.</summary>
internal static class TotalCompiler
{
    public static CompiledSearch Compile(ReportQuery query)
    {
        var events = query.Measure.Kind == MeasureKind.Events;
        var body = new MultisearchBody
        {
            Size = 0,
            Query = FilterQuery.Build(query.Filter),
            TrackTotalHits = new TrackHits(events),
            Aggregations = MeasureAggregation.SubAggregations(query.Measure),
        };
        return new CompiledSearch(body, item =>
        {
            var (value, approximate) = MeasureAggregation.Read(query.Measure, item.Total, item.Aggregations);
            return new TotalResult(value) { Approximate = approximate };
        });
    }
}
