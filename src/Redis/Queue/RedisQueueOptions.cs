namespace GraphReports.Redis.Queue;

/// <summary><c>GraphReports:Redis:Queue</c>: the ingest stream used when <c>GraphReports:Queue</c> is <c>Redis</c> (docs/redis.md).</summary>
public sealed class RedisQueueOptions
{
    public const string SectionName = "GraphReports:Redis:Queue";

    /// <summary>The stream's key (after <see cref="RedisOptions.KeyPrefix"/>).</summary>
    public string Stream { get; set; } = "events";

    /// <summary>The consumer group every writer reads through.</summary>
    public string Group { get; set; } = "writers";

    /// <summary>
    /// Entries (one per accepted request) the stream may hold unwritten before the collector answers 503
    /// with <c>Retry-After</c>. Entries are deleted once written; nothing unwritten is ever trimmed.
    /// </summary>
    public long MaxLength { get; set; } = 100_000;

    /// <summary>The <c>Retry-After</c> of a 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Entries a writer takes per read; their events are written per environment in one store call each.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>An entry delivered to a writer and not acknowledged for this long is taken over by another (XAUTOCLAIM): its writer is taken for dead.</summary>
    public int ClaimIdleSeconds { get; set; } = 30;

    /// <summary>How long a writer waits before reading again when the stream had nothing new.</summary>
    public int PollMilliseconds { get; set; } = 100;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Stream) || string.IsNullOrWhiteSpace(Group)) throw new ArgumentException($"{SectionName}:Stream and Group must not be empty.");
        if (MaxLength < 1) throw new ArgumentException($"{SectionName}:MaxLength must be at least 1; got {MaxLength}.");
        if (RetryAfterSeconds < 1) throw new ArgumentException($"{SectionName}:RetryAfterSeconds must be at least 1; got {RetryAfterSeconds}.");
        if (BatchSize is < 1 or > 10_000) throw new ArgumentException($"{SectionName}:BatchSize must be 1 to 10000; got {BatchSize}.");
        if (ClaimIdleSeconds < 1) throw new ArgumentException($"{SectionName}:ClaimIdleSeconds must be at least 1; got {ClaimIdleSeconds}.");
        if (PollMilliseconds < 1) throw new ArgumentException($"{SectionName}:PollMilliseconds must be at least 1; got {PollMilliseconds}.");
    }
}
