namespace GraphReports.Analytics.Queries;

/// <summary>
/// What a store implements to answer reports. A whole batch arrives at once (every report field
/// of one GraphQL request) so the store can answer it in as few passes as it can.
/// </summary>
public interface IReportStore
{
    /// <summary>Answers every query; results are in the order of <paramref name="batch"/>.</summary>
    Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default);
}
