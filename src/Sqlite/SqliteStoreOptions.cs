namespace GraphReports.Sqlite;

/// <summary>How a commit reaches the disk (SQLite <c>PRAGMA synchronous</c>, in WAL mode).</summary>
public enum CommitDurability
{
    /// <summary>
    /// <c>synchronous = FULL</c>: the WAL is fsynced at every commit, so an acknowledged event survives
    /// a power loss or an OS crash. The default: intake acknowledges only durable events, and group
    /// commit shares one fsync among every caller waiting at that moment.
    /// </summary>
    Full = 0,

    /// <summary>
    /// <c>synchronous = NORMAL</c>: fsync only at checkpoints. Survives a crash of the process (kill -9)
    /// but the last commits can be lost on power loss. For tests and throw-away demo stores only.
    /// </summary>
    Normal = 1,
}

/// <summary>Settings of a <see cref="SqliteEventStore"/>. The defaults are the production choice.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Path of the database file; created (with its folder) when missing.</summary>
    public required string Path { get; init; }

    /// <summary>See <see cref="CommitDurability"/>; default <see cref="CommitDurability.Full"/>.</summary>
    public CommitDurability Durability { get; init; } = CommitDurability.Full;

    /// <summary>How long a connection waits for a lock held by another connection before failing (default 10 s).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most events one transaction gathers from the batches waiting for the writer (default 50,000):
    /// bounds the transaction's size and the latency a small caller sees behind big imports. A bulk
    /// import fills its transactions up to it. A single caller's batch is never split, whatever its size.
    /// </summary>
    public int MaxEventsPerCommit { get; init; } = 50_000;

    /// <summary>
    /// Most interned strings the writer keeps in memory (default 1,000,000, about 100 MB at worst);
    /// beyond it the cache starts afresh and misses go to the <c>text_value</c> index.
    /// </summary>
    public int InternCacheSize { get; init; } = 1_000_000;
}
