using GraphReports.Analytics.Time;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;

namespace GraphReports.Api.Reports.Nodes;

/// <summary>The <c>ActivitySlice</c> object: one filter and measure, answered as a total, a top list or a trend.</summary>
public sealed class ActivityNode(ReportScope scope, EventFilter filter, Measure measure, MeasureKind measureKind, PeriodNode period)
{
    public PeriodNode Period => period;

    public MeasureKind Measure => measureKind;

    public async Task<bool> ApproximateAsync() =>
        (await scope.LoadAnswerAsync(CustomSlices.Slice(new ReportQuery(filter, measure, TotalShape.Instance))).ConfigureAwait(false)).Approximate;

    public async Task<long> TotalAsync() =>
        ((TotalResult)await scope.LoadAsync(CustomSlices.Slice(new ReportQuery(filter, measure, TotalShape.Instance))).ConfigureAwait(false)).Value;

    public async Task<IReadOnlyList<Ranked<TopEntry>>> TopAsync(Dimension by, int limit)
    {
        var query = new ReportQuery(filter, measure, new TopShape(by, ReportArguments.Limit(limit)));
        return Ranked<TopEntry>.List(((TopResult)await scope.LoadAsync(CustomSlices.Slice(query)).ConfigureAwait(false)).Entries);
    }

    public async Task<IReadOnlyList<HistogramBucket>> TrendAsync(Granularity interval)
    {
        var query = new ReportQuery(filter, measure, new HistogramShape(interval, scope.Environment.TimeZone.Id));
        return ((HistogramResult)await scope.LoadAsync(CustomSlices.Slice(query)).ConfigureAwait(false)).Buckets;
    }

    public DateOnly BucketStart(HistogramBucket bucket) => ReportArguments.LocalDate(bucket.Start, scope.Environment.TimeZone);
}
