using StackExchange.Redis;

namespace GraphReports.Redis.Caching;

/// <summary>The shared tier of the answer cache: serialized answers in Redis, read and written a whole batch per round trip.</summary>
public sealed class RedisAnswerTier(RedisConnection redis)
{
    public string KeyPrefix => redis.KeyPrefix;

    /// <summary>The stored bytes of each key (null where absent), in order.</summary>
    /// <exception cref="Analytics.Caching.CacheUnavailableException">Redis down or slower than the command timeout.</exception>
    public async Task<byte[]?[]> GetAsync(IReadOnlyList<string> keys)
    {
        var values = await redis.RunAsync("cache read", db => db.StringGetAsync(keys.Select(k => (RedisKey)k).ToArray())).ConfigureAwait(false);
        return values.Select(v => v.IsNull ? null : (byte[]?)v).ToArray();
    }

    /// <exception cref="Analytics.Caching.CacheUnavailableException">Redis down or slower than the command timeout.</exception>
    public Task SetAsync(IReadOnlyList<(string Key, byte[] Value, TimeSpan Expiry)> entries) =>
        redis.RunAsync("cache write", async db =>
        {
            var batch = db.CreateBatch();
            var writes = entries.Select(e => batch.StringSetAsync(e.Key, e.Value, e.Expiry)).ToArray();
            batch.Execute();
            await Task.WhenAll(writes).ConfigureAwait(false);
            return writes.Length;
        });
}
