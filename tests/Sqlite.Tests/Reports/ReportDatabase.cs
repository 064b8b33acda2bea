using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Storage;
using GraphReports.Reports.Contract;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Recent;
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

    /// <param name="zoneOf">Each environment's time zone.</param>
    /// <param name="recent">Recent events held in memory by the report store (null: every query is SQL).</param>
    public ReportDatabase(Func<string, TimeZoneInfo> zoneOf, RecentEvents? recent = null)
    {
        _zoneOf = zoneOf;
        _writer = _files.Open(new ReportRollupObserver(zoneOf));
        Store = new SqliteReportStore(_files.Options) { Recent = recent };
    }

    public SqliteReportStore Store { get; }

    /// <summary>A second report store over the same file (as another request of the same process reads it).</summary>
    public SqliteReportStore AnotherReader(RecentEvents? recent) => new(_files.Options) { Recent = recent };

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

    /// <summary>Every row of the rollup tables (<c>report_rollup</c>, <c>report_session_month</c>, <c>report_rollup_keys</c>) of the current months, as text lines in key order.</summary>
    public IReadOnlyList<string> CurrentRollupRows()
    {
        using var connection = _writer.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.env, r.month, dim, type, kind, bulk, preset, zero, channel, key, key2, events, rating_sum, NULL
            FROM report_rollup r JOIN report_rollup_month m ON m.env = r.env AND m.month = r.month AND m.current = 1
            UNION ALL
            SELECT s.env, s.month, -1, 0, 0, 0, 0, 0, 0, session, '', first_search, last_download, 'session'
            FROM report_session_month s JOIN report_rollup_month m ON m.env = s.env AND m.month = s.month AND m.current = 1
            UNION ALL
            SELECT k.env, k.month, -2, type, class, 0, 0, 0, 0, key, '', first, 0, 'keys'
            FROM report_rollup_keys k JOIN report_rollup_month m ON m.env = k.env AND m.month = k.month AND m.current = 1
            ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
        return rows;
    }

    /// <summary>Marks every month stale and rebuilds it from its events.</summary>
    public void RebuildAllRollups()
    {
        Rollups.RollupTables.MarkAllStale(_writer);
        BuildRollups();
    }

    public void Dispose() => _files.Dispose();
}
