using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// A throw-away store file written through the store's group-commit writer with the report observer
/// plugged in (as the hosts do), read by the real <see cref="SqliteReportStore"/>.
/// </summary>
public sealed class ReportTestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"api-reports-{Guid.NewGuid():N}.db");
    private readonly SqliteEventStore _writer;

    public ReportTestDatabase(Func<string, TimeZoneInfo> zoneOf)
    {
        var options = new SqliteStoreOptions { Path = _path };
        _writer = SqliteEventStore.Open(options, [new ReportRollupObserver(zoneOf)]);
        Store = new SqliteReportStore(options);
    }

    public SqliteReportStore Store { get; }

    /// <summary>Writes one batch; returns how many events were new.</summary>
    public int Write(string environmentId, IEnumerable<ActivityEvent> events)
    {
        var outcomes = _writer.WriteAsync(environmentId, events.ToArray()).GetAwaiter().GetResult();
        return outcomes.Count(o => o == WriteOutcome.Inserted);
    }

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
    }
}
