using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>
/// Converted sessions (a <c>Then</c> event strictly after the session's first <c>First</c> event): per
/// session, the earliest <c>First</c> and the latest <c>Then</c>; a <c>bucket_selector</c> keeps the
/// sessions where the latest follows the earliest, and the answer is how many buckets remain.
/// Missing values are inserted as 0 and the script asks for a positive first instant, so a session
/// lacking either type never counts.
/// </summary>
internal static class ConvertedSessionsCompiler
{
    public const string Sessions = "sessions", FirstOf = "first", ThenOf = "then", Instant = "t", Converted = "converted";

    /// <summary>Sessions read per query; more fail the query rather than undercount (a bucket and two filter buckets each, within <c>search.max_buckets</c>).</summary>
    public const int MaxSessions = 20_000;

    public static CompiledSearch Compile(ReportQuery query)
    {
        var first = query.Measure.First!.Value;
        var then = query.Measure.Then!.Value;
        var body = SearchBody.Of(query.Filter, new Dictionary<string, Aggregation>
        {
            [Sessions] = new Aggregation
            {
                Terms = new TermsAggregation
                {
                    Field = Fields.Session,
                    Size = MaxSessions,
                    Order = [new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
                },
                Aggregations = new Dictionary<string, Aggregation>
                {
                    [FirstOf] = OfType(first, new MinAggregation { Field = Fields.Timestamp }),
                    [ThenOf] = OfType(then, new MaxAggregation { Field = Fields.Timestamp }),
                    [Converted] = new BucketSelectorAggregation
                    {
                        BucketsPath = BucketsPath.Dictionary(new Dictionary<string, string> { ["first"] = $"{FirstOf}>{Instant}", ["then"] = $"{ThenOf}>{Instant}" }),
                        GapPolicy = GapPolicy.InsertZeros,
                        Script = new Script { Source = "params.first > 0 && params.then > params.first" },
                    },
                },
            },
        });
        return new CompiledSearch(body, item =>
        {
            var sessions = item.Aggregations?.GetStringTerms(Sessions) ?? throw new InvalidDataException($"The Elasticsearch answer has no terms aggregation '{Sessions}'.");
            if (sessions.SumOtherDocCount > 0)
                throw new StoreQueryException($"More than {MaxSessions:N0} sessions: the converted sessions cannot be counted exactly; narrow the period.");
            return new TotalResult(sessions.Buckets.Count);
        });
    }

    private static Aggregation OfType(EventType type, Aggregation metric) => new()
    {
        Filter = new TermQuery { Field = Fields.Type, Value = type.ToWire() },
        Aggregations = new Dictionary<string, Aggregation> { [Instant] = metric },
    };
}
