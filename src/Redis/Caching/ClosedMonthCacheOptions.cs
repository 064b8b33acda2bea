namespace GraphReports.Redis.Caching;

/// <summary><c>GraphReports:Cache</c>: the report answer cache (docs/redis.md).</summary>
public sealed class ClosedMonthCacheOptions
{
    public const string SectionName = "GraphReports:Cache";

    /// <summary>False answers every query from the store (for measuring, or to rule the cache out).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds an answer about a month that has not ended yet may be reused; 0 (the default) never caches the open month.</summary>
    public int OpenMonthSeconds { get; set; }

    /// <summary>
    /// Expiry of a closed month's answer in Redis. Never needed for correctness (a late event changes the
    /// month's generation); it is what lets <c>volatile-lru</c> evict old answers and never a generation key.
    /// </summary>
    public int ClosedMonthTtlDays { get; set; } = 30;

    /// <summary>Size of this process's memory tier, in MiB (estimated from the answers' sizes); 0 switches it off.</summary>
    public int MemoryMegabytes { get; set; } = 64;

    /// <summary>
    /// Size of this process's cache of whole closed-month GraphQL responses, in MiB (their bytes); 0 switches
    /// it off. Reused only while every month generation they were computed under is current (docs/redis.md).
    /// </summary>
    public int ResponseMegabytes { get; set; } = 32;

    /// <summary>
    /// Seconds a whole response with a figure that can still change (the month in progress, a custom period, an
    /// all-time figure) may be served again after its computation began; 0 (the default) computes such a
    /// response on every request. An event then shows in it within that many seconds (plus
    /// <see cref="OpenMonthSeconds"/>, when the answers inside may lag too).
    /// </summary>
    public int ResponseLagSeconds { get; set; }

    public void Validate()
    {
        if (OpenMonthSeconds is < 0 or > 300)
            throw new ArgumentException($"{SectionName}:OpenMonthSeconds must be 0 to 300 (seconds an open month's answer may lag); got {OpenMonthSeconds}.");
        if (ClosedMonthTtlDays < 1) throw new ArgumentException($"{SectionName}:ClosedMonthTtlDays must be at least 1; got {ClosedMonthTtlDays}.");
        if (MemoryMegabytes < 0) throw new ArgumentException($"{SectionName}:MemoryMegabytes must be 0 or more; got {MemoryMegabytes}.");
        if (ResponseLagSeconds is < 0 or > 300)
            throw new ArgumentException($"{SectionName}:ResponseLagSeconds must be 0 to 300 (seconds a response with changing figures may lag); got {ResponseLagSeconds}.");
        if (ResponseMegabytes < 0) throw new ArgumentException($"{SectionName}:ResponseMegabytes must be 0 or more; got {ResponseMegabytes}.");
    }
}
