using GraphReports.Analytics.Queries;

namespace GraphReports.Api.Tests.Reports;

/// <summary>Wraps the real store and counts its calls: the proof that one GraphQL request is one store call.</summary>
public sealed class CountingReportStore(IReportStore inner) : IReportStore
{
    private int _calls;
    private int _queries;

    /// <summary>Calls to <see cref="ExecuteAsync"/> so far.</summary>
    public int Calls => _calls;

    /// <summary>Queries handed to the store so far, over every call.</summary>
    public int Queries => _queries;

    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _queries, 0);
    }

    public Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _queries, batch.Count);
        return inner.ExecuteAsync(batch, cancellationToken);
    }
}
