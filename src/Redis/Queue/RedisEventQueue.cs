using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Diagnostics;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using StackExchange.Redis;

namespace GraphReports.Redis.Queue;

/// <summary>
/// The collector's side of the queue (<c>GraphReports:Queue = Redis</c>): appends the accepted events of
/// a request to the Redis stream as one entry and returns once Redis has it (with AOF, on disk), which is
/// when the collector acknowledges the producer. <see cref="QueueWriter"/> stores them later.
/// </summary>
/// <remarks>
/// Every event is reported <see cref="WriteOutcome.Inserted"/>: "accepted" here means durably queued.
/// Whether an id was already stored is only known when the writer stores it, so a retry is answered as
/// accepted again and counted once by the store (the writer's <c>graphreports_events_duplicate</c> counts it).
/// </remarks>
public sealed class RedisEventQueue(RedisConnection redis, RedisQueueOptions options) : IEventWriter
{
    // Appends ARGV[2] (environment) and ARGV[3] (events) unless the stream already holds ARGV[1] entries; returns the id, or nil when full.
    private const string AppendScript = """
        if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then return nil end
        return redis.call('XADD', KEYS[1], '*', 'env', ARGV[2], 'events', ARGV[3])
        """;

    private readonly RedisKey _stream = redis.KeyPrefix + options.Stream;
    private int _groupReady;

    /// <exception cref="QueueUnavailableException">The stream is full or Redis does not answer: nothing was queued.</exception>
    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return [];
        var retryAfter = TimeSpan.FromSeconds(options.RetryAfterSeconds);
        bool appended;
        try
        {
            await EnsureGroupAsync().ConfigureAwait(false);
            var entry = new QueuedBatch(environmentId, events).ToEntry();
            // The length check and the append in one script: atomic, one round trip, and unlike a WATCH
            // transaction (Condition.StreamLengthLessThan) it cannot abort when another collector appends meanwhile.
            appended = await redis.RunAsync("queue append", async db =>
                !(await db.ScriptEvaluateAsync(AppendScript, [_stream], [options.MaxLength, entry[0].Value, entry[1].Value]).ConfigureAwait(false)).IsNull
            , redis.Options.QueueCommandTimeout).ConfigureAwait(false);
        }
        catch (CacheUnavailableException e)
        {
            throw new QueueUnavailableException("The ingest queue (Redis) does not answer; nothing of this request was queued.", retryAfter, e);
        }
        if (!appended)
            throw new QueueUnavailableException($"The ingest queue holds {options.MaxLength} unwritten requests; nothing of this request was queued.", retryAfter);
        ServiceMetrics.EventsAccepted.Add(events.Count, new KeyValuePair<string, object?>("stage", "queued"));
        return Enumerable.Repeat(WriteOutcome.Inserted, events.Count).ToArray();
    }

    private async Task EnsureGroupAsync()
    {
        if (Volatile.Read(ref _groupReady) == 1) return;
        await QueueGroup.EnsureAsync(redis, _stream, options.Group).ConfigureAwait(false);
        Volatile.Write(ref _groupReady, 1);
    }
}
