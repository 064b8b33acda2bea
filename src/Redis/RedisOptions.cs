namespace GraphReports.Redis;

/// <summary>
/// <c>GraphReports:Redis</c>: where Redis is and how long any call to it may take. Redis is optional:
/// without <see cref="Configuration"/> the hosts cache in process and write events straight to the store.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "GraphReports:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>redis:6379,password=...</c>; empty = no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>The most any Redis call may take before the caller gives up on it (answers from the store, or 503 for the queue).</summary>
    public int CommandTimeoutMilliseconds { get; set; } = 250;

    /// <summary>
    /// The most a queue call may take (the collector's append, the writer's reads and acknowledgements). Longer than
    /// the cache's: with <c>appendfsync always</c> an append waits for the disk, and giving up means a 503.
    /// </summary>
    public int QueueCommandTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>How long a (re)connection attempt may take.</summary>
    public int ConnectTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>Prefix of every key this service writes, so that one Redis can serve several deployments.</summary>
    public string KeyPrefix { get; set; } = "graphreports:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    public TimeSpan CommandTimeout => TimeSpan.FromMilliseconds(CommandTimeoutMilliseconds);

    public TimeSpan QueueCommandTimeout => TimeSpan.FromMilliseconds(QueueCommandTimeoutMilliseconds);

    /// <summary>Throws with a message naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (CommandTimeoutMilliseconds < 1) throw new ArgumentException($"{SectionName}:CommandTimeoutMilliseconds must be at least 1 (got {CommandTimeoutMilliseconds}).");
        if (QueueCommandTimeoutMilliseconds < 1) throw new ArgumentException($"{SectionName}:QueueCommandTimeoutMilliseconds must be at least 1 (got {QueueCommandTimeoutMilliseconds}).");
        if (ConnectTimeoutMilliseconds < 1) throw new ArgumentException($"{SectionName}:ConnectTimeoutMilliseconds must be at least 1 (got {ConnectTimeoutMilliseconds}).");
    }
}
