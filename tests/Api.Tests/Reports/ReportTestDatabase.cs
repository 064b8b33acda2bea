using GraphReports.Analytics.Events;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// A throw-away SQLite file with the report tables, written as the store's writer writes (the
/// projection applied in the batch's transaction) and read by the real <see cref="SqliteReportStore"/>.
/// </summary>
public sealed class ReportTestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"api-reports-{Guid.NewGuid():N}.db");
    private readonly ReportProjection _projection;

    public ReportTestDatabase(Func<string, TimeZoneInfo> zoneOf)
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();
        _projection = new ReportProjection(zoneOf);
        using var connection = Open();
        ReportProjection.EnsureSchema(connection);
        Store = new SqliteReportStore(ConnectionString);
    }

    public string ConnectionString { get; }

    public SqliteReportStore Store { get; }

    /// <summary>Writes one batch in one transaction; returns how many events were new.</summary>
    public int Write(string environmentId, IEnumerable<ActivityEvent> events)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var inserted = events.Count(e => _projection.Apply(transaction, environmentId, e));
        transaction.Commit();
        return inserted;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(_path + suffix)) File.Delete(_path + suffix);
    }
}
