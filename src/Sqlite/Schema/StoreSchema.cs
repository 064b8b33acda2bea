using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Schema;

/// <summary>
/// The tables of the embedded store, version <see cref="Version"/> (kept in <c>PRAGMA user_version</c>).
/// </summary>
/// <remarks>
/// Shape, and why:
/// <list type="bullet">
/// <item>One row per event in <c>event</c>, every field kept (nothing accepted is lost), timestamps as
/// UTC milliseconds plus the sender's offset and the sub-millisecond remainder, so the original
/// <c>timestamp</c> can be rebuilt exactly.</item>
/// <item>Repeated strings (users, sessions, assets, texts, filters, pages...) are interned once in
/// <c>text_value</c> and events hold integer ids: reports group and count distinct over millions of
/// rows, and integer columns make rows several times smaller and comparisons cheaper (measured in
/// bench/RESULTS.md, "Store write throughput").</item>
/// <item>Environments are interned in <c>environment</c>; every table leads with the environment key,
/// so every index serves one tenant's range and no query can mix tenants by accident.</item>
/// <item>Search filters are a child table (a search has 0..n), with the environment and time copied in
/// so that "top filter pairs of a month" reads one index range without joining the events.</item>
/// <item><c>asset</c> and <c>collection</c> hold the latest known names (and the asset's folder) for
/// display and for folder queries, updated as events arrive.</item>
/// </list>
/// </remarks>
public static class StoreSchema
{
    /// <summary>The schema version this build reads and writes.</summary>
    public const int Version = 2;

    /// <summary>Statements creating the current version in an empty file.</summary>
    /// <remarks>Version 2: normalized search keys that come out empty are stored as null (they are not listed), and the
    /// report tables no longer keep a copy of the events (reports scan this table).</remarks>
    public const string Create = """
        CREATE TABLE environment (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE            -- the environment id of the credential
        );

        -- Interned strings: every text column of the events below is an id into this table.
        CREATE TABLE text_value (
            id    INTEGER PRIMARY KEY,
            value TEXT NOT NULL UNIQUE           -- the UNIQUE index is the intern lookup
        );

        CREATE TABLE event (
            id                  INTEGER PRIMARY KEY,  -- row id, the order of storage
            env                 INTEGER NOT NULL REFERENCES environment(id),
            event_id            TEXT NOT NULL,        -- the sender's id, the idempotency key
            type                INTEGER NOT NULL,     -- GraphReports.Analytics.Events.EventType
            ts_ms               INTEGER NOT NULL,     -- timestamp, UTC milliseconds since 1970
            ts_offset_min       INTEGER NOT NULL,     -- the sender's UTC offset, minutes
            ts_sub_ms_ticks     INTEGER NOT NULL,     -- 100 ns ticks below the millisecond (0..9999)
            user                INTEGER,              -- text_value ids from here on, unless said otherwise
            session             INTEGER,
            visitor             INTEGER,
            asset               INTEGER,
            asset_name          INTEGER,
            asset_folder        INTEGER,
            asset_type          INTEGER,
            collection          INTEGER,
            collection_name     INTEGER,
            search_kind         INTEGER,              -- GraphReports.Analytics.Events.SearchKind
            search_text         INTEGER,              -- as typed
            search_text_key     INTEGER,              -- TextNormalizer.NormalizeText: the grouping key (null when empty)
            search_expression   INTEGER,              -- as sent
            search_expression_key INTEGER,            -- TextNormalizer.NormalizeExpression (null when empty)
            search_reference    INTEGER,
            search_reference_name INTEGER,
            search_results      INTEGER,              -- a number
            search_filter_count INTEGER NOT NULL DEFAULT 0, -- rows in search_filter (0 also when no search)
            download_bulk       INTEGER,              -- 0/1, null without a download object
            download_batch      INTEGER,
            download_preset     INTEGER,              -- null = the original file
            upload_bulk         INTEGER,              -- 0/1, null without an upload object
            upload_batch        INTEGER,
            rating              INTEGER,              -- 1..5
            channel             INTEGER,              -- GraphReports.Analytics.Events.UsageChannel
            page                INTEGER
        );

        -- Idempotency: one event per (environment, id); the writer inserts with ON CONFLICT DO NOTHING.
        CREATE UNIQUE INDEX event_env_event_id ON event (env, event_id);

        -- The secondary indexes of event are in SecondaryIndexes (a bulk import may build them after loading).

        CREATE TABLE search_filter (
            event    INTEGER NOT NULL REFERENCES event(id),
            position INTEGER NOT NULL,            -- index in search.filters
            env      INTEGER NOT NULL,            -- copied from the event: see the index below
            ts_ms    INTEGER NOT NULL,            -- copied from the event
            field    INTEGER NOT NULL,            -- text_value id
            value    INTEGER NOT NULL,            -- text_value id
            PRIMARY KEY (event, position)
        ) WITHOUT ROWID;

        -- Top searched filter values of a month: one range per environment and month, covering the pair.
        CREATE INDEX search_filter_env_ts ON search_filter (env, ts_ms, field, value);

        -- Latest known name, folder and type of each asset (by event timestamp), for display and folders.
        CREATE TABLE asset (
            env      INTEGER NOT NULL,
            asset    INTEGER NOT NULL,            -- text_value id of the asset id
            name     INTEGER,                     -- text_value id
            folder   TEXT,                        -- kept as text so that subfolders are a range (see below)
            type     INTEGER,                     -- text_value id
            ts_ms    INTEGER NOT NULL,            -- timestamp of the event these values come from
            PRIMARY KEY (env, asset)
        ) WITHOUT ROWID;

        -- Folder reports: the assets of a folder and its subfolders are folder = 'a/b' or the range
        -- ['a/b/', 'a/b0') ('0' follows '/' in byte order).
        CREATE INDEX asset_env_folder ON asset (env, folder);

        -- Latest known name of each collection, for display in the collection reports.
        CREATE TABLE collection (
            env        INTEGER NOT NULL,
            collection INTEGER NOT NULL,          -- text_value id of the collection id
            name       INTEGER,                   -- text_value id
            ts_ms      INTEGER NOT NULL,
            PRIMARY KEY (env, collection)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// The indexes of <c>event</c> that only reads need (the idempotency index is not among them). Created with the
    /// schema; a bulk import into a store smaller than its input drops them and builds them again after
    /// loading (<see cref="SqliteEventStore.DropSecondaryIndexesAsync"/>), since sorting once costs far
    /// less than keeping them in order row by row (bench/RESULTS.md, "Ingest"). Opening the store creates
    /// any that are missing, so an interrupted import leaves nothing behind.
    /// </summary>
    public static IReadOnlyList<(string Name, string Definition)> SecondaryIndexes { get; } =
    [
        // Every monthly figure and trend (summary, engagement, search, downloads, collections) and the
        // rollup builder: one environment, a set of types, a month's [start, end) range of ts_ms.
        ("event_env_type_ts", "event (env, type, ts_ms)"),
        // Asset insights: one asset's impressions, clicks, ratings and usage over a period, and its
        // performance trend per day/week/month.
        ("event_env_asset_type_ts", "event (env, asset, type, ts_ms) WHERE asset IS NOT NULL"),
    ];

    /// <summary>Creates the secondary indexes that are missing (all of them after a bulk load).</summary>
    public static void CreateSecondaryIndexes(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        // Let SQLite's sorter use a helper thread for a big build (the second core is idle after a load).
        StoreConnections.Execute(connection, "PRAGMA threads = 2", transaction);
        foreach (var (name, definition) in SecondaryIndexes) StoreConnections.Execute(connection, $"CREATE INDEX IF NOT EXISTS {name} ON {definition}", transaction);
        StoreConnections.Execute(connection, "PRAGMA threads = 0", transaction);
    }

    /// <summary>Drops the secondary indexes, before a bulk load.</summary>
    public static void DropSecondaryIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var (name, _) in SecondaryIndexes) StoreConnections.Execute(connection, $"DROP INDEX IF EXISTS {name}", transaction);
    }

    /// <summary>
    /// Brings a freshly opened writer connection to <see cref="Version"/>: creates the schema in an
    /// empty file, accepts the current version, refuses anything else with a clear message.
    /// </summary>
    /// <exception cref="StoreSchemaException">Unknown version, or a file that is not a GraphReports store.</exception>
    public static void Ensure(SqliteConnection connection, string path)
    {
        var version = ReadVersion(connection);
        if (version == Version)
        {
            CreateSecondaryIndexes(connection);
            return;
        }
        if (version != 0) throw UnknownVersion(path, version);

        using var tx = connection.BeginTransaction();
        using (var probe = connection.CreateCommand())
        {
            probe.Transaction = tx;
            probe.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'";
            if ((long)probe.ExecuteScalar()! != 0)
                throw new StoreSchemaException(
                    $"{path} holds tables but no GraphReports schema version (user_version 0): it is not a GraphReports store; choose another file");
        }
        using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = Create + $"\nPRAGMA user_version = {Version};";
            create.ExecuteNonQuery();
        }
        CreateSecondaryIndexes(connection, tx);
        tx.Commit();
    }

    /// <summary>Checks a reader connection's version (readers never create or change the schema).</summary>
    /// <exception cref="StoreSchemaException">When the file is not at <see cref="Version"/>.</exception>
    public static void Check(SqliteConnection connection, string path)
    {
        var version = ReadVersion(connection);
        if (version == 0)
            throw new StoreSchemaException($"{path} has no GraphReports schema yet: open it once with SqliteEventStore to create it");
        if (version != Version) throw UnknownVersion(path, version);
    }

    private static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static StoreSchemaException UnknownVersion(string path, int version) => new(
        $"{path} has schema version {version}, but this build of GraphReports reads version {Version} only: " +
        (version > Version ? "it was written by a newer GraphReports; upgrade this one" : "it predates this build and cannot be upgraded in place"));
}

/// <summary>The store file's schema is not one this build can use.</summary>
public sealed class StoreSchemaException(string message) : Exception(message);
