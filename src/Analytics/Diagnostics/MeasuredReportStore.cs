using System.Diagnostics;
using GraphReports.Analytics.Queries;

namespace GraphReports.Analytics.Diagnostics;

/// <summary>Times every batch the store it wraps answers (<see cref="ServiceMetrics.StoreQuerySeconds"/>); put it under the cache, so hits are not counted as store queries.</summary>
public sealed class MeasuredReportStore(IReportStore inner) : IReportStore
{
    /// <summary>The store being measured.</summary>
    public IReportStore Inner => inner;

    public async Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await inner.ExecuteAsync(batch, cancellationToken).ConfigureAwait(false);
        ServiceMetrics.StoreQuerySeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return results;
    }
}
