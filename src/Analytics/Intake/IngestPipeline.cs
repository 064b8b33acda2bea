using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;

namespace GraphReports.Analytics.Intake;

/// <summary>
/// The collector's path for one request: read the body event by event, validate each with
/// <see cref="EventJsonReader"/>, and only when the WHOLE body has been read hand the valid events
/// to the <see cref="IEventWriter"/> in one call. Reading everything first is what makes a
/// malformed body (or a broken limit) store nothing; the limits keep that bounded. The answer comes
/// back only after the writer has made the accepted events durable.
/// </summary>
/// <remarks>
/// The reader keeps every value the store cannot take from reaching it. Should the writer still fail
/// on a batch (for a reason other than an <see cref="IWriterUnavailable"/> failure, such as
/// <see cref="StoreUnavailableException"/>, which is the store's or the queue's own failure and propagates), the batch is split in halves and each half written again, down to
/// single events: the events the store takes are stored, each one it refuses is rejected with an
/// error id, and <paramref name="onUnexpectedError"/> hears the exception with that id (for the log).
/// </remarks>
public sealed class IngestPipeline(EventJsonReader reader, IEventWriter writer, Action<Exception, string>? onUnexpectedError = null)
{
    /// <summary>
    /// Ingests one request body for <paramref name="environmentId"/>. Throws
    /// <see cref="MalformedBodyException"/> or <see cref="IntakeLimitException"/> (nothing stored);
    /// otherwise rule-breaking events are reported in <see cref="IngestResult.Rejected"/> and the
    /// valid ones of the same body are stored.
    /// </summary>
    /// <remarks>
    /// <c>admit</c>, optional, sees each validated event (and its 0-based position) before it is kept, and returns the event to store (the same
    /// or a changed copy), or throws <see cref="EventRefusedException"/> to refuse the whole request
    /// (nothing stored). The beacon endpoint uses it for what a site key may send.
    /// </remarks>
    public async Task<IngestResult> IngestAsync(
        string environmentId, Stream body, EventBodyFormat format, bool gzip, IntakeLimits limits, CancellationToken cancellationToken = default,
        Func<ActivityEvent, int, ActivityEvent>? admit = null)
    {
        var events = new List<ActivityEvent>();
        var positions = new List<(int Index, long? Line)>(); // each valid event's place in the body
        var rejected = new List<RejectedEvent>();
        var source = EventSources.Open(body, format, gzip, limits);
        try
        {
            while (await source.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                if (source.Index >= limits.MaxEventsPerRequest)
                    throw new IntakeLimitException(IntakeLimit.EventsPerRequest, limits.MaxEventsPerRequest,
                        $"The request holds more than the limit of {limits.MaxEventsPerRequest} events; split it into several requests.");
                var result = reader.Read(source.Current.Span);
                long? line = format == EventBodyFormat.Ndjson ? source.Line : null;
                if (result.IsMalformedJson)
                    throw new MalformedBodyException($"Malformed JSON at line {source.Line} (event {source.Index}): {result.Error}", source.Line, null, source.Index);
                if (result.Event is { } e) { events.Add(admit is null ? e : admit(e, source.Index)); positions.Add((source.Index, line)); }
                else rejected.Add(new RejectedEvent(source.Index, result.Error!, line));
            }
        }
        catch (InvalidDataException e)
        {
            throw new MalformedBodyException($"The body is not valid gzip although Content-Encoding says gzip: {e.Message}");
        }

        if (events.Count == 0) return new IngestResult(0, 0, rejected);
        var counts = new WriteCounts();
        await WriteAsync(environmentId, events, positions, 0, events.Count, counts, rejected, cancellationToken).ConfigureAwait(false);
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new IngestResult(counts.Inserted, counts.Duplicates, rejected);
    }

    private sealed class WriteCounts
    {
        public int Inserted, Duplicates;
    }

    /// <summary>Writes <c>events[start..start+count)</c>; on a failure that is not the store's, the halves separately.</summary>
    private async Task WriteAsync(
        string environmentId, List<ActivityEvent> events, List<(int Index, long? Line)> positions, int start, int count,
        WriteCounts counts, List<RejectedEvent> rejected, CancellationToken cancellationToken)
    {
        IReadOnlyList<WriteOutcome> outcomes;
        try
        {
            outcomes = await writer.WriteAsync(environmentId, events.GetRange(start, count), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (IWriterUnavailable or OperationCanceledException or ObjectDisposedException))
        {
            if (count == 1)
            {
                var errorId = Guid.NewGuid().ToString("N")[..12];
                onUnexpectedError?.Invoke(e, errorId);
                rejected.Add(new RejectedEvent(positions[start].Index,
                    $"the store could not take this event (error id {errorId}); the other events of the request were handled", positions[start].Line));
                return;
            }
            var half = count / 2;
            await WriteAsync(environmentId, events, positions, start, half, counts, rejected, cancellationToken).ConfigureAwait(false);
            await WriteAsync(environmentId, events, positions, start + half, count - half, counts, rejected, cancellationToken).ConfigureAwait(false);
            return;
        }
        foreach (var o in outcomes)
            if (o == WriteOutcome.Inserted) counts.Inserted++;
            else counts.Duplicates++;
    }
}
