using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>Totals: events are the search's exact hit count (<c>track_total_hits: true</c>), other measures one metric aggregation.</summary>
internal static class TotalCompiler
{
    public static CompiledSearch Compile(ReportQuery query)
    {
        var body = SearchBody.Of(query.Filter, MeasureAggregation.SubAggregations(query.Measure), countHits: query.Measure.Kind == MeasureKind.Events);
        return new CompiledSearch(body, item =>
        {
            var (value, approximate) = MeasureAggregation.Read(query.Measure, item.Total, item.Aggregations);
            return new TotalResult(value) { Approximate = approximate };
        });
    }
}
