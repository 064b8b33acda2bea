using GraphReports.Analytics.Diagnostics;

namespace GraphReports.Redis.Caching;

/// <summary>One cache's counts since it was made (also added to <see cref="ServiceMetrics"/> for <c>/metrics</c>).</summary>
public sealed class CacheStatistics
{
    private long _memoryHits, _redisHits, _sharedComputations, _misses, _bypasses;

    /// <summary>Answers found in this process's memory tier.</summary>
    public long MemoryHits => Interlocked.Read(ref _memoryHits);

    /// <summary>Answers found in Redis.</summary>
    public long RedisHits => Interlocked.Read(ref _redisHits);

    /// <summary>Answers another request of this process was computing at the same time, waited for instead of computed again.</summary>
    public long SharedComputations => Interlocked.Read(ref _sharedComputations);

    /// <summary>Cacheable answers computed by the store.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Cacheable answers computed by the store because Redis could not be reached in time.</summary>
    public long Bypasses => Interlocked.Read(ref _bypasses);

    internal void MemoryHit(int n) { Interlocked.Add(ref _memoryHits, n); ServiceMetrics.CacheHits.Add(n, new KeyValuePair<string, object?>("tier", "memory")); }
    internal void RedisHit(int n) { Interlocked.Add(ref _redisHits, n); ServiceMetrics.CacheHits.Add(n, new KeyValuePair<string, object?>("tier", "redis")); }
    internal void Shared(int n) { Interlocked.Add(ref _sharedComputations, n); ServiceMetrics.CacheHits.Add(n, new KeyValuePair<string, object?>("tier", "shared")); }
    internal void Miss(int n) { Interlocked.Add(ref _misses, n); ServiceMetrics.CacheMisses.Add(n); }
    internal void Bypass(int n) { Interlocked.Add(ref _bypasses, n); ServiceMetrics.CacheBypasses.Add(n); }
}
