using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Redis.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using static GraphReports.Redis.Tests.CacheTestStore;

namespace GraphReports.Redis.Tests;

/// <summary>The Redis stream queue in process: real redis-server, real SQLite store.</summary>
public class QueueTests
{
    private static RedisQueueOptions Options(int maxLength = 1000, int claimIdleSeconds = 30) =>
        new() { MaxLength = maxLength, ClaimIdleSeconds = claimIdleSeconds, BatchSize = 10 };

    private static QueueWriter Writer(RedisConnection redis, RedisQueueOptions options, IEventWriter store, string consumer) =>
        new(redis, options, store, NullLogger<QueueWriter>.Instance, consumer);

    [Fact]
    public async Task Queued_events_are_stored_once_and_their_entries_deleted()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        using var redis = server.Connect();
        var options = Options();
        var queue = new RedisEventQueue(redis, options);
        await queue.WriteAsync(Env, Searches(Closed, 3, "a"));
        await queue.WriteAsync(Env, Searches(Closed, 2, "b"));
        await queue.WriteAsync(Env, Searches(Closed, 3, "a")); // a producer's retry: the same ids again

        Assert.Equal(3, await Writer(redis, options, t.Writer, "w1").WriteOnceAsync());

        Assert.Equal(5, t.Writer.Reader.CountEvents(Env));
        Assert.Equal(0, await redis.Database.StreamLengthAsync("graphreports:events"));
        Assert.Equal(0, (await redis.Database.StreamPendingAsync("graphreports:events", options.Group)).PendingMessageCount);
    }

    [Fact]
    public async Task A_full_stream_refuses_the_request_with_a_retry_delay_and_keeps_every_unwritten_entry()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        using var redis = server.Connect();
        var options = Options(maxLength: 2);
        var queue = new RedisEventQueue(redis, options);
        await queue.WriteAsync(Env, Searches(Closed, 1, "a"));
        await queue.WriteAsync(Env, Searches(Closed, 1, "b"));

        var refused = await Assert.ThrowsAsync<QueueUnavailableException>(() => queue.WriteAsync(Env, Searches(Closed, 1, "c")));
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        Assert.Equal(2, await redis.Database.StreamLengthAsync("graphreports:events"));

        await Writer(redis, options, t.Writer, "w1").WriteOnceAsync();
        await queue.WriteAsync(Env, Searches(Closed, 1, "c"));
        await Writer(redis, options, t.Writer, "w1").WriteOnceAsync();
        Assert.Equal(3, t.Writer.Reader.CountEvents(Env));
    }

    [Fact]
    public async Task With_redis_down_the_queue_refuses_instead_of_hanging()
    {
        await using var server = await RedisServer.StartAsync();
        using var redis = server.Connect();
        var queue = new RedisEventQueue(redis, Options());
        await queue.WriteAsync(Env, Searches(Closed, 1, "a"));
        await server.StopAsync();
        await Assert.ThrowsAsync<QueueUnavailableException>(() => queue.WriteAsync(Env, Searches(Closed, 1, "b")));
    }

    [Fact]
    public async Task A_batch_left_unacknowledged_by_a_dead_writer_is_finished_by_another()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        using var redis = server.Connect();
        // 5 s, not 1: on a loaded machine more than a second could pass between the dead writer's read and the
        // survivor's first try, which then claimed the entries and failed the "not idle long enough" check.
        var options = Options(claimIdleSeconds: 5);
        var queue = new RedisEventQueue(redis, options);
        for (var i = 0; i < 4; i++) await queue.WriteAsync(Env, Searches(Closed, 5, "r" + i));

        // The first writer stores part of its batch, then "dies" before acknowledging.
        var dying = new DiesAfterFirstWrite(t.Writer);
        await Assert.ThrowsAsync<WriterDied>(() => Writer(redis, options, dying, "dead").WriteOnceAsync());
        Assert.Equal(4, (await redis.Database.StreamPendingAsync("graphreports:events", options.Group)).PendingMessageCount);

        var survivor = Writer(redis, options, t.Writer, "alive");
        Assert.Equal(0, await survivor.WriteOnceAsync()); // not idle long enough yet: the first writer may still be working
        await Task.Delay(5200);
        Assert.Equal(4, await survivor.WriteOnceAsync());

        Assert.Equal(20, t.Writer.Reader.CountEvents(Env));
        Assert.Equal(0, await redis.Database.StreamLengthAsync("graphreports:events"));
    }

    [Fact]
    public async Task An_entry_that_is_not_a_batch_is_set_aside_and_does_not_block_the_others()
    {
        await using var server = await RedisServer.StartAsync();
        using var t = new CacheTestStore();
        using var redis = server.Connect();
        var options = Options();
        var queue = new RedisEventQueue(redis, options);
        await queue.WriteAsync(Env, Searches(Closed, 2, "a"));
        await redis.Database.StreamAddAsync("graphreports:events", "env", Env); // no events field
        await queue.WriteAsync(Env, Searches(Closed, 2, "b"));

        Assert.Equal(3, await Writer(redis, options, t.Writer, "w1").WriteOnceAsync());
        Assert.Equal(4, t.Writer.Reader.CountEvents(Env));
        Assert.Equal(1, await redis.Database.StreamLengthAsync("graphreports:events:dead"));
    }

    [Fact]
    public async Task Every_field_of_an_event_survives_the_stream()
    {
        var environment = new ProductEnvironment("acme", "ACME", TimeZoneInfo.Utc);
        var generator = new DemoDataGenerator(environment, new DemoDataOptions { Events = 3_000, Seed = 7, Now = new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero) });
        var reader = new EventJsonReader(new TestClock(new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero)));
        var events = new List<ActivityEvent>();
        await foreach (var e in generator.ReadEventsAsync(reader)) events.Add(e);
        var entry = new StreamEntry("1-0", new QueuedBatch("acme", events).ToEntry());

        var back = QueuedBatch.TryRead(entry)!;

        Assert.Equal("acme", back.EnvironmentId);
        Assert.Equal(events.Count, back.Events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(WithoutFilters(events[i]), WithoutFilters(back.Events[i]));
            Assert.Equal(events[i].Search?.Filters ?? [], back.Events[i].Search?.Filters ?? []);
        }
        Assert.Contains(events, e => e.Search?.Filters.Count > 0);
    }

    private static ActivityEvent WithoutFilters(ActivityEvent e) => e.Search is null ? e : e with { Search = e.Search with { Filters = [] } };

    private sealed class WriterDied : Exception;

    /// <summary>The real store, until its first write has committed: then the "process" dies (throws) before the writer can acknowledge.</summary>
    private sealed class DiesAfterFirstWrite(IEventWriter inner) : IEventWriter
    {
        public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(environmentId, events.Take(7).ToArray(), cancellationToken);
            throw new WriterDied();
        }
    }
}
