using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>
/// Histograms: a <c>date_histogram</c> with a calendar interval in the shape's time zone (local days,
/// ISO weeks from Monday, months; daylight-saving changes included), <c>min_doc_count: 0</c> and
/// <c>extended_bounds</c> over the period, so every bucket is present. Buckets are matched to the
/// project's own <see cref="TimeBuckets.Cover"/> by instant, so both stores return the same bucket starts.
/// </summary>
internal static class HistogramCompiler
{
    public const string Buckets = "buckets";

    public static CompiledSearch Compile(ReportQuery query, HistogramShape shape)
    {
        var period = query.Filter.Period;
        var lastInstant = period.To > period.From ? period.To.AddTicks(-1) : period.From;
        var body = SearchBody.Of(query.Filter, new Dictionary<string, Aggregation>
        {
            [Buckets] = new Aggregation
            {
                DateHistogram = new DateHistogramAggregation
                {
                    Field = Fields.Timestamp,
                    CalendarInterval = shape.Interval switch
                    {
                        Granularity.Day => CalendarInterval.Day,
                        Granularity.Week => CalendarInterval.Week,
                        Granularity.Month => CalendarInterval.Month,
                        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Interval, null),
                    },
                    TimeZone = shape.Zone,
                    MinDocCount = 0,
                    ExtendedBounds = new ExtendedBounds<FieldDateMath>
                    {
                        Min = new FieldDateMath(period.From.ToUnixTimeMilliseconds()),
                        Max = new FieldDateMath(lastInstant.ToUnixTimeMilliseconds()),
                    },
                },
                Aggregations = MeasureAggregation.SubAggregations(query.Measure),
            },
        });
        return new CompiledSearch(body, item => Read(item, query, shape));
    }

    private static HistogramResult Read(MultiSearchItem<object> item, ReportQuery query, HistogramShape shape)
    {
        var zone = TimeZones.Find(shape.Zone);
        var cover = TimeBuckets.Cover(query.Filter.Period.ToTimePeriod(), shape.Interval, zone);
        var values = cover.ToDictionary(b => b.FirstDay, _ => 0L);
        var histogram = item.Aggregations?.GetDateHistogram(Buckets) ?? throw new InvalidDataException($"The Elasticsearch answer has no date_histogram '{Buckets}'.");
        var approximate = false;
        foreach (var bucket in histogram.Buckets)
        {
            var (value, approx) = MeasureAggregation.Read(query.Measure, bucket.DocCount, bucket.Aggregations);
            approximate |= approx;
            var day = TimeBuckets.KeyOf(bucket.Key, shape.Interval, zone);
            if (values.ContainsKey(day)) values[day] += value;
            else if (value != 0) throw new InvalidDataException($"Elasticsearch answered a bucket at {bucket.Key:O} outside the period {query.Filter.Period}.");
        }
        return new HistogramResult(cover.Select(b => new Analytics.Queries.HistogramBucket(b.Period.Start, values[b.FirstDay])).ToArray()) { Approximate = approximate };
    }
}
