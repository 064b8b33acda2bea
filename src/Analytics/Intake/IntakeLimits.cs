namespace GraphReports.Analytics.Intake;

/// <summary>
/// Bounds on one request to the collector. They keep a request's memory bounded, which is what
/// lets intake read the whole request before storing anything (a malformed body stores nothing).
/// </summary>
public sealed record IntakeLimits
{
    /// <summary>Request body as sent, compressed or not (default 10 MiB).</summary>
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Body after gzip decompression (default 64 MiB): stops a small "zip bomb" from growing unbounded.</summary>
    public long MaxDecompressedBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Events in one request (default 10,000).</summary>
    public int MaxEventsPerRequest { get; init; } = 10_000;

    /// <summary>One event's JSON (default 1 MiB).</summary>
    public int MaxEventBytes { get; init; } = 1024 * 1024;

    /// <summary>No limit but <see cref="MaxEventBytes"/>: for trusted local imports of any size.</summary>
    public static IntakeLimits Unbounded { get; } = new() { MaxBodyBytes = long.MaxValue, MaxDecompressedBytes = long.MaxValue, MaxEventsPerRequest = int.MaxValue };
}

/// <summary>Which limit of <see cref="IntakeLimits"/> a request broke.</summary>
public enum IntakeLimit
{
    BodyBytes = 1,
    DecompressedBytes = 2,
    EventsPerRequest = 3,
    EventBytes = 4,
}

/// <summary>A request broke one of the <see cref="IntakeLimits"/>; nothing of it is stored. The message says which limit and its value.</summary>
public sealed class IntakeLimitException(IntakeLimit limit, long maximum, string message) : Exception(message)
{
    public IntakeLimit Limit { get; } = limit;
    public long Maximum { get; } = maximum;
}

/// <summary>
/// The body is not well-formed JSON (array) or NDJSON; nothing of it is stored. The message names
/// where: the line for NDJSON, the line and byte (and the element) for an array.
/// </summary>
public sealed class MalformedBodyException(string message, long? line = null, long? bytePosition = null, int? index = null) : Exception(message)
{
    /// <summary>1-based line of the problem.</summary>
    public long? Line { get; } = line;
    /// <summary>1-based byte within <see cref="Line"/> (array bodies).</summary>
    public long? BytePosition { get; } = bytePosition;
    /// <summary>0-based index of the event being read.</summary>
    public int? Index { get; } = index;
}
