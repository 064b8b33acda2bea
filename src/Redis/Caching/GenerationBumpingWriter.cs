using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Analytics.Time;

namespace GraphReports.Redis.Caching;

/// <summary>
/// Wraps the configured store's writer (SQLite now, Elasticsearch later): once a write has returned
/// (the events are durable), replaces the Redis generation of every month that has ended, or ends within
/// <see cref="ClockSkewAllowance"/>, and that received an event of the batch. Cached answers about
/// those months are then never read again, by any process.
/// </summary>
/// <remarks>
/// Months of duplicates are bumped too: a duplicate may be the retry of an insert whose process died
/// between its commit and its bump, and the retry is what completes the bump. On-time events (the open
/// month) cost no Redis call. When Redis cannot be reached the write still succeeds; the months are
/// kept and bumped with the next write that reaches Redis (SQLite's own generation, read by the cache
/// next to this one, keeps answers exact meanwhile; docs/redis.md says what a store without one risks).
/// </remarks>
public sealed class GenerationBumpingWriter(IEventWriter inner, RedisMonthGenerations generations, Func<string, TimeZoneInfo> zoneOf, TimeProvider clock) : IEventWriter
{
    /// <summary>A month ending this soon is bumped as if closed: another process's clock may already be past its end.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(10);

    private readonly HashSet<(string, Month)> _unbumped = [];
    private readonly Lock _lock = new();

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
    {
        var outcomes = await inner.WriteAsync(environmentId, events, cancellationToken).ConfigureAwait(false);
        var months = MonthsToBump(environmentId, events);
        lock (_lock)
        {
            months.UnionWith(_unbumped);
            _unbumped.Clear();
        }
        if (months.Count == 0) return outcomes;
        try
        {
            await generations.BumpAsync(months).ConfigureAwait(false);
        }
        catch (CacheUnavailableException)
        {
            lock (_lock) _unbumped.UnionWith(months);
        }
        return outcomes;
    }

    /// <summary>Months waiting for a bump that Redis did not take yet.</summary>
    public int UnbumpedMonths { get { lock (_lock) return _unbumped.Count; } }

    private HashSet<(string, Month)> MonthsToBump(string environmentId, IReadOnlyList<ActivityEvent> events)
    {
        var zone = zoneOf(environmentId);
        var horizon = clock.GetUtcNow() + ClockSkewAllowance;
        var months = new HashSet<(string, Month)>();
        DateTimeOffset lastStart = DateTimeOffset.MaxValue, lastEnd = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            if (e.Timestamp >= lastStart && e.Timestamp < lastEnd) continue; // same month as the one before
            var month = ZonedCalendar.MonthOf(e.Timestamp, zone);
            var period = ZonedCalendar.PeriodOf(month, zone);
            (lastStart, lastEnd) = (period.Start, period.End);
            if (period.End <= horizon) months.Add((environmentId, month));
        }
        return months;
    }
}
