using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Storage;
using GraphReports.Reports.Contract;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// A real store file written through the store's group-commit writer with the report observer
/// plugged in (as the hosts do), and the report store reading it. Reports scan the events until
/// <see cref="BuildRollups"/> makes the months' rollups current.
/// </summary>
public sealed class ReportDatabase : IContractStore
{
    private readonly TempStore _files = new();
    private readonly SqliteEventStore _writer;
    private readonly Func<string, TimeZoneInfo> _zoneOf;

    public ReportDatabase(Func<string, TimeZoneInfo> zoneOf)
    {
        _zoneOf = zoneOf;
        _writer = _files.Open(new ReportRollupObserver(zoneOf));
        Store = new SqliteReportStore(_files.Options);
    }

    public SqliteReportStore Store { get; }

    IReportStore IContractStore.Reports => Store;

    /// <summary>Writes one batch; returns how many events were new.</summary>
    public int Write(string environmentId, IEnumerable<ActivityEvent> events)
    {
        var outcomes = _writer.WriteAsync(environmentId, events.ToArray()).GetAwaiter().GetResult();
        return outcomes.Count(o => o == WriteOutcome.Inserted);
    }

    /// <summary>Rebuilds the rollups of every stale month, as the Api's maintenance does; returns how many months.</summary>
    public int BuildRollups() => ReportRollups.BuildStaleAsync(_writer, _zoneOf).GetAwaiter().GetResult().Months;

    /// <summary>The months whose rollups are stale.</summary>
    public IReadOnlyList<(string EnvironmentId, int Month)> StaleMonths() => ReportRollups.StaleMonths(_writer, _zoneOf);

    public void Dispose() => _files.Dispose();
}
