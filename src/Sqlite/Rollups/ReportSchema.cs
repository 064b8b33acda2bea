using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The query side's tables (docs/reports.md). Scans read the store's own <c>event</c>,
/// <c>search_filter</c> and <c>text_value</c> tables; these tables hold what is derived from them:
/// <list type="bullet">
/// <item><c>report_rollup</c>: exact per-month counts by (type, variant columns, dimension, key): the fixed figures read it;
/// each key also has a type-0 row (any type, any variant) for unfiltered distinct counts; the rows of
/// <see cref="FolderAssetDimension"/> count per (folder the event carried, asset), for folder reports; those of
/// <see cref="DayDimension"/> per day of the month, for a month "to date";</item>
/// <item><c>report_rollup_keys</c>: per month, dimension and event type the distinct keys (class 1: of non-bulk
/// downloads only), so that distinct counts of one type are a row count of one key range;</item>
/// <item><c>report_session_month</c>: per month and session, the first search and last download (search success rate);</item>
/// <item><c>report_rollup_month</c>: per environment and month, the zone its rollups were built in and whether they are
/// <c>current</c> (1: they count exactly the stored events of that month) or stale (0: events of that month arrived
/// since; reports scan the events until the month is rebuilt);</item>
/// <item><c>report_names</c>: the latest display name of each asset, collection and reference image, kept by the writer;</item>
/// <item><c>report_rollup_format</c>: the <see cref="RollupFormat"/> the rollups were built in.</item>
/// </list>
/// Rollup timestamps are UTC ticks; months are <c>yyyy * 100 + mm</c> in the environment's zone.
/// </summary>
public static class ReportSchema
{
    /// <summary>
    /// <c>report_rollup.dim</c> of the (folder, asset) rows: key = the folder an event carried ("" = the root folder), key2 = its
    /// asset. A folder and its subfolders are a range of keys, so a folder's per-asset figures read a few rows per asset.
    /// </summary>
    public const int FolderAssetDimension = 100;

    /// <summary>
    /// <c>report_rollup.dim</c> of the day rows: key = the day of the month in the environment's zone ("01" to "31"), so
    /// that a month up to an instant inside it (the previous month "to date") sums the whole days before that instant's
    /// day and scans only the rest of that one day.
    /// </summary>
    public const int DayDimension = 101;

    /// <summary>The key of a day row: the day of the month, two digits, so that keys sort as days do.</summary>
    public static string DayKey(int day) => day.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS report_rollup (
            env TEXT NOT NULL, month INTEGER NOT NULL, dim INTEGER NOT NULL, type INTEGER NOT NULL,
            kind INTEGER NOT NULL, bulk INTEGER NOT NULL, preset INTEGER NOT NULL, zero INTEGER NOT NULL, channel INTEGER NOT NULL,
            key TEXT NOT NULL, key2 TEXT NOT NULL,
            events INTEGER NOT NULL, rating_sum INTEGER NOT NULL,
            PRIMARY KEY (env, month, dim, type, kind, bulk, preset, zero, channel, key, key2)) WITHOUT ROWID;
        -- Per month, each key of a distinct-counted dimension (user, asset, collection, session) once per event type
        -- it occurred with (class 0), and once more per type for its non-bulk events (class 1; download only, the
        -- one type with bulk events): "distinct users who downloaded, bulk left out" is COUNT(*) of one key range.
        -- first: the UTC ticks of the key's earliest such event in the month, so that a distinct count of the month
        -- up to an instant (the previous month "to date") is the same range with first < that instant.
        CREATE TABLE IF NOT EXISTS report_rollup_keys (
            env TEXT NOT NULL, month INTEGER NOT NULL, dim INTEGER NOT NULL, type INTEGER NOT NULL, class INTEGER NOT NULL, key TEXT NOT NULL,
            first INTEGER NOT NULL,
            PRIMARY KEY (env, month, dim, type, class, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report_session_month (
            env TEXT NOT NULL, month INTEGER NOT NULL, session TEXT NOT NULL,
            first_search INTEGER, last_download INTEGER,
            PRIMARY KEY (env, month, session)) WITHOUT ROWID;
        -- One row per environment and month that has events; the writer sets current = 0 whenever it
        -- stores an event of that month, the rollup builder sets 1 (with its zone) in the transaction
        -- that replaces the month's rollup rows. Reports read rollups only for current months.
        CREATE TABLE IF NOT EXISTS report_rollup_month (
            env TEXT NOT NULL, month INTEGER NOT NULL, zone TEXT NOT NULL, current INTEGER NOT NULL,
            PRIMARY KEY (env, month)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS report_names (
            env TEXT NOT NULL, dim INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, ts INTEGER NOT NULL, id TEXT NOT NULL,
            PRIMARY KEY (env, dim, key)) WITHOUT ROWID;
        """;

    /// <summary>
    /// What the rollup rows hold; raised whenever a rollup build writes other rows than before (2: the (folder, asset)
    /// rows; 3: <c>report_rollup_keys</c>; 4: its <c>first</c> column; 5: the day rows). A store whose rollups were built by an older format has every month marked stale when opened, so that
    /// reports scan until the months are rebuilt, instead of reading rows that lack what the reports now expect.
    /// </summary>
    public const int RollupFormat = 5;

    /// <summary>The format that gave <c>report_rollup_keys</c> its <c>first</c> column.</summary>
    private const int FirstColumnFormat = 4;

    /// <summary>Creates the tables when missing (idempotent); marks rollups of an older <see cref="RollupFormat"/> stale.</summary>
    public static void Create(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        DropKeysOfAnOlderFormat(command);
        command.CommandText = Ddl + $"""

            CREATE TABLE IF NOT EXISTS report_rollup_format (format INTEGER NOT NULL);
            UPDATE report_rollup_month SET current = 0
            WHERE current = 1 AND coalesce((SELECT max(format) FROM report_rollup_format), 1) < {RollupFormat};
            DELETE FROM report_rollup_format;
            INSERT INTO report_rollup_format (format) VALUES ({RollupFormat});
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A key table written before <see cref="FirstColumnFormat"/> lacks a column that CREATE TABLE IF NOT EXISTS would not
    /// add: it is dropped and created anew; its months are marked stale with the rest, so the next rollup pass fills it.
    /// </summary>
    private static void DropKeysOfAnOlderFormat(SqliteCommand command)
    {
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'report_rollup_format'";
        if ((long)command.ExecuteScalar()! == 0) return;
        command.CommandText = "SELECT coalesce(max(format), 1) FROM report_rollup_format";
        if ((long)command.ExecuteScalar()! >= FirstColumnFormat) return;
        command.CommandText = "DROP TABLE IF EXISTS report_rollup_keys";
        command.ExecuteNonQuery();
    }
}
