using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The query side's tables (docs/reports.md). Derived from the stored events and maintained in the
/// writer's transaction by <see cref="ReportProjection"/>:
/// <list type="bullet">
/// <item><c>report_events</c>: one row per event with the columns reports filter and group on (custom slices scan it);</item>
/// <item><c>report_event_filters</c>: the (field, value) pairs of each search;</item>
/// <item><c>report_rollup</c>: exact per-month counts by (type, variant columns, dimension, key): the fixed figures read it;
/// each key also has a type-0 row (any type, any variant) for unfiltered distinct counts;</item>
/// <item><c>report_session_month</c>: per month and session, the first search and last download (search success rate);</item>
/// <item><c>report_names</c>: the latest display name of each asset, collection and reference image;</item>
/// <item><c>report_zones</c>: the time zone an environment's months were rolled up in.</item>
/// </list>
/// Timestamps are UTC ticks; months are <c>yyyy * 100 + mm</c> in the environment's zone.
/// </summary>
public static class ReportSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS report_events (
            env TEXT NOT NULL, id TEXT NOT NULL, ts INTEGER NOT NULL, type INTEGER NOT NULL,
            user TEXT, session TEXT, asset TEXT, folder TEXT, collection TEXT,
            kind INTEGER NOT NULL, text_key TEXT, expr_key TEXT, ref TEXT, zero INTEGER NOT NULL,
            bulk INTEGER NOT NULL, preset INTEGER NOT NULL, rating INTEGER, channel INTEGER NOT NULL,
            PRIMARY KEY (env, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_report_events_type_time ON report_events (env, type, ts);
        CREATE INDEX IF NOT EXISTS ix_report_events_asset_time ON report_events (env, asset, ts);
        -- Period scans without a type (the folder view) read this index alone: it covers what they group and filter on.
        CREATE INDEX IF NOT EXISTS ix_report_events_time_covering ON report_events (env, ts, type, asset, folder, channel, rating);
        CREATE TABLE IF NOT EXISTS report_event_filters (
            env TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (env, id, field, value)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report_rollup (
            env TEXT NOT NULL, month INTEGER NOT NULL, dim INTEGER NOT NULL, type INTEGER NOT NULL,
            kind INTEGER NOT NULL, bulk INTEGER NOT NULL, preset INTEGER NOT NULL, zero INTEGER NOT NULL, channel INTEGER NOT NULL,
            key TEXT NOT NULL, key2 TEXT NOT NULL,
            events INTEGER NOT NULL, rating_sum INTEGER NOT NULL,
            PRIMARY KEY (env, month, dim, type, kind, bulk, preset, zero, channel, key, key2)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report_session_month (
            env TEXT NOT NULL, month INTEGER NOT NULL, session TEXT NOT NULL,
            first_search INTEGER, last_download INTEGER,
            PRIMARY KEY (env, month, session)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report_names (
            env TEXT NOT NULL, dim INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, ts INTEGER NOT NULL, id TEXT NOT NULL,
            PRIMARY KEY (env, dim, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report_zones (env TEXT NOT NULL PRIMARY KEY, zone TEXT NOT NULL);
        """;

    /// <summary>Creates the tables when missing (idempotent).</summary>
    public static void Create(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Ddl;
        command.ExecuteNonQuery();
    }
}
