using System.Collections.Concurrent;
using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using Microsoft.Extensions.Caching.Memory;

namespace GraphReports.Redis.Caching;

/// <summary>
/// The report store behind a cache of answers about closed months (docs/redis.md). A query is cached
/// when its period is exactly one month that has ended (or, with <see cref="ClosedMonthCacheOptions.OpenMonthSeconds"/>,
/// briefly the open month); every other query, custom periods included, goes to the store each time.
/// </summary>
/// <remarks>
/// <para>Never stale: an answer is filed under its month's generation token as read BEFORE the store
/// computed it (<see cref="IMonthGenerations"/>); storing an event of that month changes the token, so
/// every process reads the next answer from the store. Tokens are read from their source on every
/// request, which is what lets the memory tier in front of Redis follow the same rule.</para>
/// <para>Tiers: this process's memory (bounded), then Redis when configured, then the store. Concurrent
/// misses of one key in this process are computed once. When Redis (or a generation source in it) does
/// not answer within its command timeout, the batch is answered by the store and counted as bypasses.</para>
/// <para>One store call per batch is kept: the queries not found in any tier go to the store together.</para>
/// </remarks>
public sealed class ClosedMonthCache : IReportStore, IDisposable
{
    private readonly IReportStore _store;
    private readonly IMonthGenerations _generations;
    private readonly RedisAnswerTier? _redis;
    private readonly ClosedMonthCacheOptions _options;
    private readonly TimeProvider _clock;
    private readonly MemoryCache? _memory;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Task<QueryResult>> _inFlight = new(StringComparer.Ordinal);

    /// <param name="store">Answers what the cache does not hold.</param>
    /// <param name="generations">The months' generation tokens (the store's, Redis's, or both).</param>
    /// <param name="redis">The shared tier; null caches in this process only (the embedded default).</param>
    /// <param name="options">What is cached and for how long.</param>
    /// <param name="clock">Decides which months have ended.</param>
    /// <param name="keyPrefix">Prefix of the answer keys (Redis's <see cref="RedisOptions.KeyPrefix"/>).</param>
    public ClosedMonthCache(IReportStore store, IMonthGenerations generations, RedisAnswerTier? redis,
        ClosedMonthCacheOptions options, TimeProvider clock, string keyPrefix = "graphreports:")
    {
        options.Validate();
        (_store, _generations, _redis, _options, _clock, _prefix) = (store, generations, redis, options, clock, keyPrefix);
        if (options.MemoryMegabytes > 0)
            _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MemoryMegabytes * 1024L * 1024L });
    }

    public CacheStatistics Statistics { get; } = new();

    /// <summary>The store answering what the cache does not hold.</summary>
    public IReportStore Store => _store;

    public async Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var expiry = new TimeSpan?[batch.Count];
        var cacheable = 0;
        var closed = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if ((expiry[i] = ExpiryOf(batch[i], now)) is not null) cacheable++;
            if (IsClosedMonth(batch[i], now)) closed++;
        }
        // A whole response built on this batch is reused exactly only while its closed months' tokens hold;
        // the other answers can still change, and the response cache decides whether they may lag.
        if (closed < batch.Count) AnswerDependencies.Changing(batch.Count - closed);
        if (cacheable == 0) return await _store.ExecuteAsync(batch, cancellationToken).ConfigureAwait(false);

        string?[] keys;
        try
        {
            keys = await KeysAsync(batch, expiry, now, cancellationToken).ConfigureAwait(false);
        }
        catch (CacheUnavailableException)
        {
            Statistics.Bypass(cacheable);
            AnswerDependencies.Refuse();
            return await _store.ExecuteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var results = new QueryResult?[batch.Count];
        ReadMemory(keys, results);
        var redisUsable = await ReadRedisAsync(keys, results).ConfigureAwait(false);
        await ComputeMissesAsync(batch, keys, expiry, results, redisUsable, cancellationToken).ConfigureAwait(false);
        return results!;
    }

    /// <summary>How long the answer may be kept, or null when it is not cached (not exactly one month, or the open month).</summary>
    private TimeSpan? ExpiryOf(ReportQuery query, DateTimeOffset now)
    {
        if (!IsOneMonth(query)) return null;
        if (IsClosedMonth(query, now)) return TimeSpan.FromDays(_options.ClosedMonthTtlDays);
        return _options.OpenMonthSeconds > 0 ? TimeSpan.FromSeconds(_options.OpenMonthSeconds) : null;
    }

    /// <summary>The query is about exactly one month in a zone, and the cache is on.</summary>
    private bool IsOneMonth(ReportQuery query) => _options.Enabled && query.Month is not null && query.Filter.Period.Zone is not null;

    private bool IsClosedMonth(ReportQuery query, DateTimeOffset now) => IsOneMonth(query) && query.Filter.Period.To <= now;

    private async Task<string?[]> KeysAsync(IReadOnlyList<ReportQuery> batch, TimeSpan?[] expiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var months = new Dictionary<string, List<Month>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (expiry[i] is null) continue;
            if (!months.TryGetValue(batch[i].EnvironmentId, out var list)) months[batch[i].EnvironmentId] = list = [];
            if (!list.Contains(batch[i].Month!.Value)) list.Add(batch[i].Month!.Value);
        }
        var tokens = new Dictionary<(string, Month), string>();
        foreach (var (env, list) in months)
        {
            var read = await _generations.ReadAsync(env, list, cancellationToken).ConfigureAwait(false);
            for (var m = 0; m < list.Count; m++) tokens[(env, list[m])] = read[m];
        }
        var keys = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (expiry[i] is null) continue;
            var token = tokens[(batch[i].EnvironmentId, batch[i].Month!.Value)];
            keys[i] = AnswerKeys.For(_prefix, batch[i], token);
            if (IsClosedMonth(batch[i], now)) AnswerDependencies.Vouch(batch[i].EnvironmentId, batch[i].Month!.Value, token);
        }
        return keys;
    }

    private void ReadMemory(string?[] keys, QueryResult?[] results)
    {
        if (_memory is null) return;
        var hits = 0;
        for (var i = 0; i < keys.Length; i++)
            if (keys[i] is { } key && _memory.TryGetValue(key, out QueryResult? found)) { results[i] = found; hits++; }
        if (hits > 0) Statistics.MemoryHit(hits);
    }

    /// <returns>False when Redis could not be read (its answers then are neither read nor written for this batch).</returns>
    private async Task<bool> ReadRedisAsync(string?[] keys, QueryResult?[] results)
    {
        if (_redis is null) return false;
        var wanted = Enumerable.Range(0, keys.Length).Where(i => keys[i] is not null && results[i] is null).ToArray();
        if (wanted.Length == 0) return true;
        byte[]?[] values;
        try
        {
            values = await _redis.GetAsync(wanted.Select(i => keys[i]!).ToArray()).ConfigureAwait(false);
        }
        catch (CacheUnavailableException)
        {
            Statistics.Bypass(wanted.Length);
            return false;
        }
        var hits = 0;
        for (var w = 0; w < wanted.Length; w++)
        {
            if (values[w] is not { } bytes || QueryResultSerializer.TryDeserialize(bytes) is not { } answer) continue;
            var i = wanted[w];
            results[i] = answer;
            Remember(keys[i]!, answer, bytes.Length, TimeSpan.FromDays(_options.ClosedMonthTtlDays));
            hits++;
        }
        if (hits > 0) Statistics.RedisHit(hits);
        return true;
    }

    private async Task ComputeMissesAsync(IReadOnlyList<ReportQuery> batch, string?[] keys, TimeSpan?[] expiry,
        QueryResult?[] results, bool redisUsable, CancellationToken cancellationToken)
    {
        // Each missing key is either computed here (this batch registered it first) or awaited from the
        // request of this process that is computing it; uncacheable queries are computed here too.
        var owned = new Dictionary<string, TaskCompletionSource<QueryResult>>(StringComparer.Ordinal);
        var compute = new List<int>();
        var waits = new List<(int Index, Task<QueryResult> Task)>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is not null) continue;
            if (keys[i] is not { } key) { compute.Add(i); continue; }
            if (owned.TryGetValue(key, out var mine)) { waits.Add((i, mine.Task)); continue; }
            var source = new TaskCompletionSource<QueryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = _inFlight.GetOrAdd(key, source.Task);
            if (task == source.Task) { owned[key] = source; compute.Add(i); }
            else waits.Add((i, task));
        }

        if (compute.Count > 0)
        {
            IReadOnlyList<QueryResult> computed;
            try
            {
                computed = await _store.ExecuteAsync(compute.Select(i => batch[i]).ToArray(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var (key, source) in owned)
                {
                    _inFlight.TryRemove(key, out _);
                    if (e is OperationCanceledException) source.TrySetCanceled(); else source.TrySetException(e);
                }
                throw;
            }
            var toRedis = new List<(string, byte[], TimeSpan)>();
            for (var c = 0; c < compute.Count; c++)
            {
                var i = compute[c];
                results[i] = computed[c];
                if (keys[i] is not { } key) continue;
                var bytes = QueryResultSerializer.Serialize(computed[c]);
                Remember(key, computed[c], bytes.Length, expiry[i]!.Value);
                if (redisUsable) toRedis.Add((key, bytes, expiry[i]!.Value));
                owned[key].TrySetResult(computed[c]);
                _inFlight.TryRemove(key, out _);
            }
            if (owned.Count > 0) Statistics.Miss(owned.Count);
            if (toRedis.Count > 0)
            {
                try { await _redis!.SetAsync(toRedis).ConfigureAwait(false); }
                catch (CacheUnavailableException) { } // the answers are right; the next request computes them again
            }
        }

        if (waits.Count == 0) return;
        var again = new List<int>();
        foreach (var (i, task) in waits)
        {
            try { results[i] = await task.WaitAsync(cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { again.Add(i); } // the other request was cancelled, not this one
        }
        Statistics.Shared(waits.Count - again.Count);
        if (again.Count == 0) return;
        var retried = await _store.ExecuteAsync(again.Select(i => batch[i]).ToArray(), cancellationToken).ConfigureAwait(false);
        for (var a = 0; a < again.Count; a++) results[again[a]] = retried[a];
    }

    private void Remember(string key, QueryResult answer, int bytes, TimeSpan expiry)
    {
        if (_memory is null) return;
        using var entry = _memory.CreateEntry(key);
        entry.Value = answer;
        entry.Size = bytes + 200; // the objects weigh more than their bytes; a rough, consistent estimate
        entry.AbsoluteExpirationRelativeToNow = expiry;
    }

    public void Dispose() => _memory?.Dispose();
}
