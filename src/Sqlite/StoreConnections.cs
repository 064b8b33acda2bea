using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite;

/// <summary>Opens connections to a store file with the settings every connection needs.</summary>
internal static class StoreConnections
{
    /// <summary>
    /// The one writer connection: WAL (readers never block it and it never blocks them), the chosen
    /// <c>synchronous</c>, a busy timeout for the moments another process checkpoints, and the log's
    /// checkpoints left to the <see cref="Writing.WalCheckpointer"/> thread. Foreign keys
    /// are not enforced: the schema declares them for readers and tools, and the writer is the only
    /// code that inserts, always with keys it just resolved, so checking would only cost time.
    /// Not pooled: it lives as long as the store.
    /// </summary>
    public static SqliteConnection OpenWriter(SqliteStoreOptions options)
    {
        // The driver retries a busy statement until its command timeout (30 s by default): the busy timeout
        // bounds that too, so that a store locked by another process fails a write within it ("locked").
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString(options, SqliteOpenMode.ReadWriteCreate, pooling: false))
        {
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString());
        connection.Open();
        Execute(connection, $"""
            PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {(options.Durability == CommitDurability.Full ? "FULL" : "NORMAL")};
            PRAGMA foreign_keys = OFF;
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -65536;
            PRAGMA wal_autocheckpoint = {Writing.WalCheckpointer.WriterFallbackPages};
            """);
        return connection;
    }

    /// <summary>The connection of the <see cref="Writing.WalCheckpointer"/>: same durability as the writer, not pooled.</summary>
    public static SqliteConnection OpenCheckpointer(SqliteStoreOptions options)
    {
        var connection = new SqliteConnection(ConnectionString(options, SqliteOpenMode.ReadWrite, pooling: false));
        connection.Open();
        Execute(connection, $"""
            PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};
            PRAGMA synchronous = {(options.Durability == CommitDurability.Full ? "FULL" : "NORMAL")};
            """);
        return connection;
    }

    /// <summary>
    /// A reader connection: <c>query_only</c> so that report code cannot write by mistake. In WAL mode
    /// it reads the last committed state while the writer goes on. Pooled (cheap to open per request).
    /// </summary>
    public static SqliteConnection OpenReader(SqliteStoreOptions options)
    {
        var connection = new SqliteConnection(ConnectionString(options, SqliteOpenMode.ReadWrite, pooling: true));
        connection.Open();
        Execute(connection, $"""
            PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};
            PRAGMA query_only = 1;
            PRAGMA temp_store = MEMORY;
            """);
        return connection;
    }

    public static string ConnectionString(SqliteStoreOptions options, SqliteOpenMode mode, bool pooling) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = mode,
            Pooling = pooling,
            Cache = SqliteCacheMode.Private,
        }.ToString();

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
