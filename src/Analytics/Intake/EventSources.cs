using System.IO.Compression;

namespace GraphReports.Analytics.Intake;

/// <summary>Opens a request body as an <see cref="IEventSource"/>, with its size limits and optional gzip.</summary>
public static class EventSources
{
    /// <summary>
    /// Wraps <paramref name="body"/>: the sent bytes are capped at <see cref="IntakeLimits.MaxBodyBytes"/>,
    /// gzip is undone when <paramref name="gzip"/>, and the decompressed bytes are capped at
    /// <see cref="IntakeLimits.MaxDecompressedBytes"/>. Limits throw <see cref="IntakeLimitException"/> while reading.
    /// </summary>
    public static IEventSource Open(Stream body, EventBodyFormat format, bool gzip, IntakeLimits limits)
    {
        Stream stream = new LimitedReadStream(body, limits.MaxBodyBytes, () => new IntakeLimitException(
            IntakeLimit.BodyBytes, limits.MaxBodyBytes, $"The request body is larger than the limit of {limits.MaxBodyBytes} bytes; send fewer events per request."));
        if (gzip)
        {
            stream = new LimitedReadStream(new GZipStream(stream, CompressionMode.Decompress), limits.MaxDecompressedBytes, () => new IntakeLimitException(
                IntakeLimit.DecompressedBytes, limits.MaxDecompressedBytes, $"The decompressed request body is larger than the limit of {limits.MaxDecompressedBytes} bytes; send fewer events per request."));
        }
        return format switch
        {
            EventBodyFormat.Ndjson => new NdjsonEventSource(stream, limits.MaxEventBytes),
            EventBodyFormat.JsonArray => new JsonArrayEventSource(stream, limits.MaxEventBytes),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
