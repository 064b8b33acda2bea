using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Time;
using StackExchange.Redis;

namespace GraphReports.Redis.Caching;

/// <summary>
/// Generation tokens kept in Redis, one key per (environment, month) without expiry, replaced by
/// <see cref="BumpAsync"/> (the writer's <see cref="GenerationBumpingWriter"/>). For stores that keep
/// no generation of their own; next to <c>SqliteMonthGenerations</c> the SQLite hosts use both.
/// </summary>
/// <remarks>
/// What Redis may lose, and why no old answer becomes readable again:
/// <list type="bullet">
/// <item>an evicted or deleted token is re-created with a new random value (<c>SET NX</c> inside the
/// same script that reads it), never a value used before;</item>
/// <item>a restart that lost writes (no AOF, or a failover) could bring back an older token together with
/// answers filed under it: every token read is therefore prefixed with the server's <c>run_id</c>, which
/// changes on every start, so all answers from before a restart are unreachable (a cold cache, not a stale one).</item>
/// </list>
/// </remarks>
public sealed class RedisMonthGenerations(RedisConnection redis) : IMonthGenerations
{
    // Reads every token, creating the missing ones from ARGV, and returns the server's run_id first: one
    // round trip, atomic, so a token and the run_id it is paired with come from the same server lifetime.
    private const string ReadScript = """
        local info = redis.call('INFO', 'server')
        local out = { string.match(info, 'run_id:(%w+)') }
        for i, key in ipairs(KEYS) do
          local token = redis.call('GET', key)
          if not token then
            redis.call('SET', key, ARGV[i], 'NX')
            token = redis.call('GET', key)
          end
          out[i + 1] = token
        end
        return out
        """;

    public string KeyOf(string environmentId, Month month) =>
        $"{redis.KeyPrefix}gen:{Uri.EscapeDataString(environmentId)}:{month}";

    public async Task<IReadOnlyList<string>> ReadAsync(string environmentId, IReadOnlyList<Month> months, CancellationToken cancellationToken = default)
    {
        if (months.Count == 0) return [];
        var keys = months.Select(m => (RedisKey)KeyOf(environmentId, m)).ToArray();
        var fresh = months.Select(_ => (RedisValue)NewToken()).ToArray();
        var result = await redis.RunAsync("generation read", db => db.ScriptEvaluateAsync(ReadScript, keys, fresh)).ConfigureAwait(false);
        var values = (RedisResult[])result!;
        var runId = (string?)values[0] ?? "";
        var tokens = new string[months.Count];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = runId + "." + (string?)values[i + 1];
        return tokens;
    }

    /// <summary>Replaces the tokens of these months: every answer cached about them becomes unreachable.</summary>
    public Task BumpAsync(IEnumerable<(string EnvironmentId, Month Month)> months) =>
        redis.RunAsync("generation bump", async db =>
        {
            var batch = db.CreateBatch();
            var sets = months.Select(m => batch.StringSetAsync(KeyOf(m.EnvironmentId, m.Month), NewToken())).ToArray();
            batch.Execute();
            await Task.WhenAll(sets).ConfigureAwait(false);
            return sets.Length;
        });

    private static string NewToken() => Guid.NewGuid().ToString("N");
}
