using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Storage;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphReports.Redis.Queue;

/// <summary>
/// The writer's side of the queue: reads entries through the consumer group, writes their events to the
/// configured store (one call per environment per batch) and acknowledges (XACK, then XDEL) only after
/// the store returned, so an entry is never lost between the two. Run by the <c>Indexer worker</c>
/// command or as a hosted service next to the collector; any number may run at once.
/// </summary>
/// <remarks>
/// Each round takes, in this order: this writer's own unacknowledged entries (a store write that failed
/// is retried), entries another writer left unacknowledged for <see cref="RedisQueueOptions.ClaimIdleSeconds"/>
/// (XAUTOCLAIM: that writer is taken for dead and its batch finished here), then new entries. An event
/// written twice that way is a duplicate to the store and counts once. An entry that is not a batch
/// (written by something else) is moved to <c>&lt;stream&gt;:dead</c> and logged, never retried forever.
/// </remarks>
public sealed class QueueWriter
{
    private readonly RedisConnection _redis;
    private readonly RedisQueueOptions _options;
    private readonly IEventWriter _store;
    private readonly ILogger _logger;
    private readonly RedisKey _stream;
    private readonly RedisKey _dead;
    private bool _groupReady;

    /// <param name="redis">The connection.</param>
    /// <param name="options">The stream, group and batch settings.</param>
    /// <param name="store">The configured store's writer (with the generation bump when Redis caches).</param>
    /// <param name="logger">Takeovers, failures, dead letters.</param>
    /// <param name="consumer">This writer's name in the group: unique per process (host, process id, a random part).</param>
    public QueueWriter(RedisConnection redis, RedisQueueOptions options, IEventWriter store, ILogger<QueueWriter> logger, string? consumer = null)
    {
        options.Validate();
        (_redis, _options, _store, _logger) = (redis, options, store, logger);
        _stream = redis.KeyPrefix + options.Stream;
        _dead = redis.KeyPrefix + options.Stream + ":dead";
        Consumer = consumer ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string Consumer { get; }

    /// <summary>Writes until cancelled; waits and goes on when Redis or the store fails.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Queue writer {Consumer} reads {Stream} through group {Group}.", Consumer, (string?)_stream, _options.Group);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await WriteOnceAsync(cancellationToken).ConfigureAwait(false) == 0)
                    await Task.Delay(_options.PollMilliseconds, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (CacheUnavailableException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false); // logged once per outage by RedisConnection
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Queue writer {Consumer} could not store a batch; it stays pending and is retried.", Consumer);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One round: takes up to a batch of entries, stores and acknowledges them.</summary>
    /// <returns>The number of entries handled (0 when there was nothing to do).</returns>
    public async Task<int> WriteOnceAsync(CancellationToken cancellationToken = default)
    {
        var entries = await TakeAsync().ConfigureAwait(false);
        if (entries.Length == 0) return 0;
        var batches = new List<(string Env, List<Analytics.Events.ActivityEvent> Events)>();
        var dead = new List<StreamEntry>();
        foreach (var entry in entries)
        {
            if (QueuedBatch.TryRead(entry) is not { } batch) { dead.Add(entry); continue; }
            var same = batches.FindIndex(b => b.Env == batch.EnvironmentId);
            if (same < 0) batches.Add((batch.EnvironmentId, [.. batch.Events]));
            else batches[same].Events.AddRange(batch.Events);
        }
        foreach (var (env, events) in batches)
            await _store.WriteAsync(env, events, cancellationToken).ConfigureAwait(false);
        foreach (var entry in dead)
        {
            _logger.LogError("Stream entry {Id} is not a batch of events; moved to {Dead}.", (string?)entry.Id, (string?)_dead);
            await _redis.RunAsync("queue dead letter", db => db.StreamAddAsync(_dead, entry.Values), _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
        }
        var ids = entries.Select(e => e.Id).ToArray();
        await _redis.RunAsync("queue acknowledge", async db =>
        {
            var transaction = db.CreateTransaction();
            _ = transaction.StreamAcknowledgeAsync(_stream, _options.Group, ids);
            _ = transaction.StreamDeleteAsync(_stream, ids);
            return await transaction.ExecuteAsync().ConfigureAwait(false);
        }, _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
        return entries.Length;
    }

    private async Task<StreamEntry[]> TakeAsync()
    {
        await EnsureGroupAsync().ConfigureAwait(false);
        try
        {
            var own = await _redis.RunAsync("queue read pending", db => db.StreamReadGroupAsync(_stream, _options.Group, Consumer, "0", _options.BatchSize), _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
            own = own.Where(e => !e.IsNull && e.Values.Length > 0).ToArray(); // entries deleted meanwhile come back empty
            if (own.Length > 0) return own;
            var claimed = await _redis.RunAsync("queue claim", db => db.StreamAutoClaimAsync(
                _stream, _options.Group, Consumer, _options.ClaimIdleSeconds * 1000L, "0-0", _options.BatchSize), _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
            var taken = claimed.ClaimedEntries.Where(e => !e.IsNull && e.Values.Length > 0).ToArray();
            if (taken.Length > 0)
            {
                _logger.LogWarning("Queue writer {Consumer} took over {Count} entries another writer left unacknowledged for {Seconds} s.", Consumer, taken.Length, _options.ClaimIdleSeconds);
                return taken;
            }
            return await _redis.RunAsync("queue read", db => db.StreamReadGroupAsync(_stream, _options.Group, Consumer, ">", _options.BatchSize), _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
        }
        catch (CacheUnavailableException e) when (e.InnerException?.Message.Contains("NOGROUP", StringComparison.Ordinal) == true)
        {
            _groupReady = false; // Redis came back without the group (no AOF): made again, reading from the start
            return [];
        }
    }

    private async Task EnsureGroupAsync()
    {
        if (_groupReady) return;
        await QueueGroup.EnsureAsync(_redis, _stream, _options.Group).ConfigureAwait(false);
        _groupReady = true;
    }
}
