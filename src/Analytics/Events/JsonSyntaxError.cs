using System.Text.Json;

namespace GraphReports.Analytics.Events;

/// <summary>
/// The sentence of a <see cref="JsonException"/> from <see cref="Utf8JsonReader"/> without its
/// " LineNumber: 0 | BytePositionInLine: 7." tail: the reader counts from the start of the bytes it
/// was given (one event, one array buffer), so callers, who know where those bytes start in the
/// request or file, give the position themselves.
/// </summary>
public static class JsonSyntaxError
{
    /// <summary>The reason alone, e.g. "'}' is an invalid start of a value."</summary>
    public static string Reason(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
