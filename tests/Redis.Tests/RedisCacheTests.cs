using GraphReports.Analytics.Caching;
using GraphReports.Redis.Caching;
using StackExchange.Redis;
using static GraphReports.Redis.Tests.CacheTestStore;

namespace GraphReports.Redis.Tests;

/// <summary>The cache with Redis as its shared tier, against a real redis-server.</summary>
public class RedisCacheTests
{
    [Fact]
    public async Task Another_process_reads_the_answer_from_redis_instead_of_the_store()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var api1 = server.Connect();
        using var api2 = server.Connect();
        using var first = t.Cache(api1);
        using var second = t.Cache(api2); // its own memory tier: another Api process

        var computed = await first.ExecuteAsync([SearchCount(Closed), TopTexts(Closed)]);
        var shared = await second.ExecuteAsync([SearchCount(Closed), TopTexts(Closed)]);

        Assert.Equal(computed, shared);
        Assert.Equal(2, t.Store.Queries);
        Assert.Equal(2, second.Statistics.RedisHits);
    }

    [Fact]
    public async Task A_late_event_through_the_bumping_writer_changes_the_redis_generation_and_the_next_answer()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var redis = server.Connect();
        var generations = new RedisMonthGenerations(redis);
        // Redis's generations alone, as for a store that keeps none of its own (Elasticsearch).
        using var cache = new ClosedMonthCache(t.Store, generations, new RedisAnswerTier(redis), new ClosedMonthCacheOptions(), t.Clock);
        var writer = new GenerationBumpingWriter(t.Writer, generations, _ => TimeZoneInfo.Utc, t.Clock);
        Assert.Equal(5, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));
        var before = (await generations.ReadAsync(Env, [Closed, Open]));

        await writer.WriteAsync(Env, Searches(Closed, 1, "late"));
        await writer.WriteAsync(Env, Searches(Open, 1, "on-time"));

        var after = await generations.ReadAsync(Env, [Closed, Open]);
        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]); // an on-time event costs no bump
        Assert.Equal(6, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));
    }

    [Fact]
    public async Task A_generation_key_lost_from_redis_comes_back_as_a_new_token_never_an_old_one()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var redis = server.Connect();
        var generations = new RedisMonthGenerations(redis);
        using var cache = new ClosedMonthCache(t.Store, generations, new RedisAnswerTier(redis), new ClosedMonthCacheOptions { MemoryMegabytes = 0 }, t.Clock);
        await cache.ExecuteAsync([SearchCount(Closed)]);
        var token = (await generations.ReadAsync(Env, [Closed]))[0];

        await redis.Database.KeyDeleteAsync(generations.KeyOf(Env, Closed)); // evicted, or deleted by hand
        var recreated = (await generations.ReadAsync(Env, [Closed]))[0];

        Assert.NotEqual(token, recreated);
        await cache.ExecuteAsync([SearchCount(Closed)]);
        Assert.Equal(2, t.Store.Queries); // the answer filed under the old token is not read
    }

    [Fact]
    public async Task After_a_redis_restart_no_answer_from_before_it_is_read()
    {
        // With AOF the keys survive the restart; a restart that lost a bump would bring back an old token,
        // so tokens carry the server's run_id and answers from before any restart go unread.
        await using var server = await RedisServer.StartAsync(appendOnly: true);
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var redis = server.Connect();
        var generations = new RedisMonthGenerations(redis);
        using var cache = new ClosedMonthCache(t.Store, generations, new RedisAnswerTier(redis), new ClosedMonthCacheOptions { MemoryMegabytes = 0 }, t.Clock);
        await cache.ExecuteAsync([SearchCount(Closed)]);
        await cache.ExecuteAsync([SearchCount(Closed)]);
        Assert.Equal(1, t.Store.Queries);

        await server.StopAsync();
        await server.RestartAsync();
        await WaitUntilAsync(async () => (await TryPingAsync(redis)));
        Assert.Equal(1L, await redis.Database.KeyExistsAsync(generations.KeyOf(Env, Closed)) ? 1L : 0L);

        Assert.Equal(5, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));
        Assert.Equal(2, t.Store.Queries);
    }

    [Fact]
    public async Task While_redis_is_down_every_answer_comes_from_the_store_and_is_counted_as_a_bypass()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 5, "a");
        using var redis = server.Connect();
        using var cache = t.Cache(redis);
        await cache.ExecuteAsync([SearchCount(Closed), TopTexts(Closed)]);

        await server.StopAsync();
        await t.WriteSearchesAsync(Closed, 1, "late"); // a late event while Redis is down
        for (var i = 0; i < 3; i++)
            Assert.Equal(6, Total((await cache.ExecuteAsync([SearchCount(Closed), TopTexts(Closed)]))[0]));
        Assert.Equal(6, cache.Statistics.Bypasses);
        Assert.True(redis.IsDown);

        await server.RestartAsync();
        await WaitUntilAsync(async () => (await TryPingAsync(redis)));
        Assert.Equal(6, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));
        Assert.Equal(6, Total((await cache.ExecuteAsync([SearchCount(Closed)]))[0]));
        Assert.False(redis.IsDown);
        Assert.True(cache.Statistics.MemoryHits >= 1);
    }

    [Fact]
    public async Task A_redis_slower_than_the_command_timeout_is_bypassed()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 3, "a");
        using var redis = server.Connect(commandTimeoutMilliseconds: 200);
        using var cache = t.Cache(redis);

        await server.CliAsync("CLIENT", "PAUSE", "3000", "ALL"); // every command waits 3 s
        var answers = await cache.ExecuteAsync([SearchCount(Closed)]);

        Assert.Equal(3, Total(answers[0]));
        Assert.Equal(1, cache.Statistics.Bypasses);
    }

    [Fact]
    public async Task Cached_bytes_read_back_equal_to_the_answers_of_every_shape()
    {
        using var t = new CacheTestStore();
        await t.WriteSearchesAsync(Closed, 7, "a");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var period = Analytics.Queries.Period.ForMonth(Closed, zone);
        var filter = new Analytics.Queries.EventFilter(Env, period);
        var queries = new Analytics.Queries.ReportQuery[]
        {
            SearchCount(Closed),
            new(filter, Analytics.Queries.Measure.Events, new Analytics.Queries.TopShape(Analytics.Queries.Dimension.User, 5, breakDownByType: true)),
            new(filter, Analytics.Queries.Measure.DistinctUsers, new Analytics.Queries.HistogramShape(Analytics.Time.Granularity.Day, zone.Id)),
        };
        var answers = await t.Store.ExecuteAsync(queries);
        Assert.NotEmpty(((Analytics.Queries.TopResult)answers[1]).Entries);
        foreach (var answer in answers)
        {
            var back = QueryResultSerializer.TryDeserialize(QueryResultSerializer.Serialize(answer));
            Assert.Equal(answer, back);
        }
        var histogram = (Analytics.Queries.HistogramResult)QueryResultSerializer.TryDeserialize(QueryResultSerializer.Serialize(answers[2]))!;
        Assert.Equal(((Analytics.Queries.HistogramResult)answers[2]).Buckets.Select(b => b.Start.Offset), histogram.Buckets.Select(b => b.Start.Offset));
        Assert.Null(QueryResultSerializer.TryDeserialize([2, 1, 0]));
    }

    private static async Task<bool> TryPingAsync(RedisConnection redis)
    {
        try { await redis.RunAsync("ping", db => db.PingAsync()); return true; }
        catch (CacheUnavailableException) { return false; }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the condition did not become true in 10 s");
    }
}
