using System.Diagnostics.Metrics;
using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Diagnostics;
using StackExchange.Redis;

namespace GraphReports.Redis.Queue;

/// <summary>
/// The queue's gauges for <c>/metrics</c>: entries in the stream (unwritten, delivered or not), entries
/// delivered and not yet acknowledged, and the group's lag (entries not yet delivered to any writer),
/// refreshed from Redis every few seconds by whichever host runs <see cref="RefreshAsync"/>.
/// </summary>
public sealed class QueueMetrics
{
    private static long _length = -1, _pending = -1, _lag = -1;

    static QueueMetrics()
    {
        ServiceMetrics.Meter.CreateObservableGauge("queue.length", () => Read(ref _length), description: "Entries (requests) in the ingest stream not yet written");
        ServiceMetrics.Meter.CreateObservableGauge("queue.pending", () => Read(ref _pending), description: "Entries delivered to a writer and not yet acknowledged");
        ServiceMetrics.Meter.CreateObservableGauge("queue.lag", () => Read(ref _lag), description: "Entries not yet delivered to any writer");
    }

    private readonly RedisConnection _redis;
    private readonly RedisKey _stream;
    private readonly string _group;

    public QueueMetrics(RedisConnection redis, RedisQueueOptions options) =>
        (_redis, _stream, _group) = (redis, redis.KeyPrefix + options.Stream, options.Group);

    // Nothing is reported until Redis answered once (an absent series rather than a made-up zero).
    private static IEnumerable<Measurement<long>> Read(ref long value)
    {
        var v = Interlocked.Read(ref value);
        return v < 0 ? [] : [new Measurement<long>(v)];
    }

    /// <summary>Reads the figures from Redis now.</summary>
    public async Task RefreshAsync()
    {
        try
        {
            var length = await _redis.RunAsync("queue length", db => db.StreamLengthAsync(_stream), _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
            var groups = await _redis.RunAsync("queue groups", db => db.KeyExistsAsync(_stream).ContinueWith(
                exists => exists.Result ? db.StreamGroupInfoAsync(_stream) : Task.FromResult(Array.Empty<StreamGroupInfo>())).Unwrap(), _redis.Options.QueueCommandTimeout).ConfigureAwait(false);
            var group = groups.FirstOrDefault(g => g.Name == _group);
            Interlocked.Exchange(ref _length, length);
            Interlocked.Exchange(ref _pending, group.Name is null ? 0 : group.PendingMessageCount);
            Interlocked.Exchange(ref _lag, group.Name is null ? length : group.Lag ?? length);
        }
        catch (CacheUnavailableException)
        {
            // Redis down: the last figures stay (the outage is logged and shows in the collector's 503s).
        }
    }

    /// <summary>Refreshes every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do await RefreshAsync().ConfigureAwait(false);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
