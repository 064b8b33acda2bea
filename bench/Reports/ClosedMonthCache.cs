using System.Collections.Concurrent;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Bench.Reports;

/// <summary>
/// Stands in for the Redis closed-month cache: answers to queries about one CLOSED month are kept
/// by cache key; everything else (the open month, arbitrary periods) goes to the store, in one batch.
/// </summary>
public sealed class ClosedMonthCache(IReportStore store, TimeZoneInfo zone, DateTimeOffset now) : IReportStore
{
    private readonly ConcurrentDictionary<string, QueryResult> _answers = new(StringComparer.Ordinal);

    public int LastMisses { get; private set; }

    public async Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        var results = new QueryResult?[batch.Count];
        var misses = new List<int>();
        for (var i = 0; i < batch.Count; i++)
            if (!_answers.TryGetValue(batch[i].CacheKey, out results[i])) misses.Add(i);
        LastMisses = misses.Count;
        if (misses.Count > 0)
        {
            var answers = await store.ExecuteAsync(misses.Select(i => batch[i]).ToArray(), cancellationToken);
            for (var j = 0; j < misses.Count; j++)
            {
                var query = batch[misses[j]];
                results[misses[j]] = answers[j];
                if (query.Month is { } month && ZonedCalendar.PeriodOf(month, zone).End <= now) _answers[query.CacheKey] = answers[j];
            }
        }
        return results!;
    }
}
