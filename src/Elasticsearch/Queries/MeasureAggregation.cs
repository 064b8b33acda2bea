using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>
/// The aggregation that measures a set of documents (a whole search, a top-list bucket, a histogram
/// bucket), named <see cref="Name"/>; events are counted by the bucket's own <c>doc_count</c>.
/// </summary>
internal static class MeasureAggregation
{
    public const string Name = "m";

    /// <summary>
    /// Below this many distinct values Elastic documents cardinality counts as close to exact; figures above it
    /// are reported as approximate (the reports' rule). 40,000 is the highest threshold Elasticsearch accepts.
    /// </summary>
    public const int PrecisionThreshold = 40_000;

    /// <summary>The measure's aggregation; null for <see cref="MeasureKind.Events"/> (the bucket's doc_count).</summary>
    public static Aggregation? For(Measure measure) => measure.Kind switch
    {
        MeasureKind.Events => null,
        MeasureKind.DistinctUsers or MeasureKind.DistinctAssets or MeasureKind.DistinctSessions or MeasureKind.DistinctCollections =>
            new CardinalityAggregation { Field = Fields.Distinct(measure.Kind), PrecisionThreshold = PrecisionThreshold },
        MeasureKind.RatingSum => new SumAggregation { Field = Fields.Rating },
        MeasureKind.WeightedEvents => new SumAggregation { Script = WeightScript(measure) },
        _ => throw new NotSupportedException($"Measure {measure.ToKey()} is not a bucket metric (see ConvertedSessionsCompiler)."),
    };

    /// <summary>The measure's sub-aggregations of a bucket (empty for events).</summary>
    public static Dictionary<string, Aggregation>? SubAggregations(Measure measure) =>
        For(measure) is { } a ? new Dictionary<string, Aggregation> { [Name] = a } : null;

    /// <summary>The value of the measure in a bucket with <paramref name="docCount"/> documents and sub-aggregations <paramref name="aggregations"/>.</summary>
    public static (long Value, bool Approximate) Read(Measure measure, long docCount, AggregateDictionary? aggregations)
    {
        switch (measure.Kind)
        {
            case MeasureKind.Events:
                return (docCount, false);
            case MeasureKind.RatingSum or MeasureKind.WeightedEvents:
                var sum = Required(aggregations).GetSum(Name) ?? throw Missing("sum");
                return ((long)Math.Round(sum.Value ?? 0), false);
            default:
                var cardinality = Required(aggregations).GetCardinality(Name) ?? throw Missing("cardinality");
                return (cardinality.Value, cardinality.Value > PrecisionThreshold);
        }
    }

    /// <summary>
    /// Sum of a weight per event type, in Painless over the <c>type</c> keyword's doc values; weights travel
    /// as parameters so that every weighting shares one compiled script.
    /// </summary>
    private static Script WeightScript(Measure measure) => new()
    {
        Source = "def w = params.weights.get(doc['type'].value); return w == null ? 0 : w;",
        Params = new Dictionary<string, object>
        {
            ["weights"] = measure.Weights!.ToDictionary(w => Analytics.Events.EventTypeNames.ToWire(w.Key), w => (object)w.Value),
        },
    };

    private static AggregateDictionary Required(AggregateDictionary? a) => a ?? throw Missing("aggregations");

    private static InvalidDataException Missing(string what) => new($"The Elasticsearch answer has no {what} for the measure '{Name}'.");
}
