using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Plugs the report projection into the store's writer: pass it to <see cref="SqliteEventStore.Open"/>
/// and every inserted event (never a duplicate) updates the report tables in the same transaction.
/// </summary>
public sealed class ReportRollupObserver : IInsertObserver
{
    private readonly ReportProjection _projection;

    /// <param name="zoneOf">The time zone of an environment (its months are rolled up in it).</param>
    public ReportRollupObserver(Func<string, TimeZoneInfo> zoneOf) => _projection = new ReportProjection(zoneOf);

    public void Initialize(SqliteConnection connection) => ReportProjection.EnsureSchema(connection);

    public void OnInserted(SqliteConnection connection, SqliteTransaction transaction, in InsertedEvent inserted) =>
        _projection.Gather(transaction, inserted.EnvironmentId, inserted.Event);

    public void OnCommitting(SqliteConnection connection, SqliteTransaction transaction) => _projection.Flush(transaction);

    public void OnRolledBack() => _projection.ForgetUncommitted();
}
