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
public sealed class IngestPipeline(EventJsonReader reader, IEventWriter writer)
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
                if (result.Event is { } e) events.Add(admit is null ? e : admit(e, source.Index));
                else rejected.Add(new RejectedEvent(source.Index, result.Error!, line));
            }
        }
        catch (InvalidDataException e)
        {
            throw new MalformedBodyException($"The body is not valid gzip although Content-Encoding says gzip: {e.Message}");
        }

        if (events.Count == 0) return new IngestResult(0, 0, rejected);
        var outcomes = await writer.WriteAsync(environmentId, events, cancellationToken).ConfigureAwait(false);
        var inserted = outcomes.Count(o => o == WriteOutcome.Inserted);
        return new IngestResult(inserted, outcomes.Count - inserted, rejected);
    }
}
