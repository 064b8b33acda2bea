using Stopwatch = System.Diagnostics.Stopwatch;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;

namespace GraphReports.Analytics.Diagnostics;

/// <summary>Times every write to the store it wraps and counts its outcomes (<see cref="ServiceMetrics"/>).</summary>
public sealed class MeasuredEventWriter(IEventWriter inner) : IEventWriter
{
    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var outcomes = await inner.WriteAsync(environmentId, events, cancellationToken).ConfigureAwait(false);
        ServiceMetrics.StoreWriteSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        var inserted = outcomes.Count(o => o == WriteOutcome.Inserted);
        ServiceMetrics.EventsAccepted.Add(inserted, new KeyValuePair<string, object?>("stage", "stored"));
        ServiceMetrics.EventsDuplicate.Add(outcomes.Count - inserted);
        return outcomes;
    }
}
