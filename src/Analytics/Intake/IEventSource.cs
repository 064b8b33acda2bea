namespace GraphReports.Analytics.Intake;

/// <summary>The two body formats the collector reads.</summary>
public enum EventBodyFormat
{
    /// <summary><c>application/json</c>: one JSON array of event objects.</summary>
    JsonArray = 1,
    /// <summary><c>application/x-ndjson</c>: one event object per line.</summary>
    Ndjson = 2,
}

/// <summary>
/// Walks a body event by event in constant memory: after <see cref="MoveNextAsync"/> returns true,
/// <see cref="Current"/> holds the raw UTF-8 JSON of one event, valid only until the next call.
/// Syntax errors of the body as a whole throw <see cref="MalformedBodyException"/>.
/// </summary>
public interface IEventSource
{
    /// <summary>The raw JSON of the current event (an array element, or an NDJSON line without its line break).</summary>
    ReadOnlyMemory<byte> Current { get; }

    /// <summary>0-based position of the current event in the body.</summary>
    int Index { get; }

    /// <summary>1-based line where the current event starts.</summary>
    long Line { get; }

    ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default);
}
