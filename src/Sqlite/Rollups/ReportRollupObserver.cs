using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Plugs the reports into the store's writer: pass it to <see cref="SqliteEventStore.Open"/> (hosts use
/// <see cref="ReportingStore.Open"/>). In the write transaction of every batch it marks the months that
/// received events as stale in <c>report_rollup_month</c> (reports then scan those months' events until
/// <see cref="ReportRollups"/> rebuilds them) and keeps the latest display names in <c>report_names</c>.
/// It does no per-event rollup work: that is what keeps the write path fast (bench/RESULTS.md, "Ingest").
/// </summary>
public sealed class ReportRollupObserver : IInsertObserver, IDisposable
{
    private readonly TouchedMonths _months;
    private readonly PendingNames _names = new();
    private RawStatement? _markStale;
    private RawStatement? _upsertName;

    /// <param name="zoneOf">The time zone of an environment (its months are rolled up in it).</param>
    public ReportRollupObserver(Func<string, TimeZoneInfo> zoneOf) => _months = new TouchedMonths(zoneOf);

    public void Initialize(SqliteConnection connection)
    {
        ReportSchema.Create(connection);
        _markStale = new RawStatement(connection, """
            INSERT INTO report_rollup_month (env, month, zone, current) VALUES (?1, ?2, ?3, 0)
            ON CONFLICT DO UPDATE SET current = 0 WHERE current = 1
            """);
        // The most recent name wins; at equal timestamps the greater id, so the outcome does not depend on arrival order.
        _upsertName = new RawStatement(connection, """
            INSERT INTO report_names (env, dim, key, name, ts, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT DO UPDATE SET name = excluded.name, ts = excluded.ts, id = excluded.id
            WHERE excluded.ts > report_names.ts OR (excluded.ts = report_names.ts AND excluded.id > report_names.id)
            """);
    }

    public void OnInserted(SqliteConnection connection, SqliteTransaction transaction, in InsertedEvent inserted)
    {
        var e = inserted.Event;
        var (env, envKey, keys) = (inserted.EnvironmentId, inserted.EnvironmentKey, inserted.Keys);
        var ticks = e.Timestamp.UtcTicks;
        _months.Add(env, e.Timestamp);
        if (e.Asset is { } asset) _names.Add(envKey, env, Dimension.Asset, keys.Asset!.Value, asset.Id, asset.Name, ticks, e.Id);
        if (e.Collection is { } collection) _names.Add(envKey, env, Dimension.Collection, keys.Collection!.Value, collection.Id, collection.Name, ticks, e.Id);
        if (e.Search?.Reference is { } reference)
            _names.Add(envKey, env, Dimension.ReferenceImage, keys.SearchReference!.Value, reference.Id, reference.Name, ticks, e.Id);
    }

    public void OnCommitting(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var (env, month) in _months.All)
        {
            _markStale!.Bind(1, env);
            _markStale.Bind(2, (long)month);
            _markStale.Bind(3, _months.ZoneOf(env).Id);
            _markStale.ExecuteChanges();
        }
        foreach (var (env, dim, key, name, ticks, id) in _names.All)
        {
            var s = _upsertName!;
            s.Bind(1, env);
            s.Bind(2, (long)dim);
            s.Bind(3, key);
            s.Bind(4, name);
            s.Bind(5, ticks);
            s.Bind(6, id);
            s.ExecuteChanges();
        }
        Clear();
    }

    public void OnRolledBack() => Clear();

    private void Clear()
    {
        _months.Clear();
        _names.Clear();
    }

    public void Dispose()
    {
        _markStale?.Dispose();
        _upsertName?.Dispose();
    }
}
