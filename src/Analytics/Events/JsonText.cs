using System.Text.Json;
using System.Text.Unicode;

namespace GraphReports.Analytics.Events;

/// <summary>
/// Whether a JSON string value can become text. <see cref="Utf8JsonReader"/> reads such strings
/// without complaint and throws only when asked for the string, so every string field is checked
/// here first and a bad one is a rejection naming its field, not an exception for the whole batch.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// True when the reader's current string is valid UTF-8 with no lone surrogate escape
    /// (<c>"\ud800"</c> without its low half); otherwise false with the tail of a message.
    /// </summary>
    public static bool IsDecodable(ref Utf8JsonReader r, out string? why)
    {
        why = null;
        if (!r.ValueIsEscaped && !r.HasValueSequence)
        {
            if (Utf8.IsValid(r.ValueSpan)) return true; // the common case: one vectorized pass, no copy
            why = "must be valid UTF-8 text, but holds bytes that are not UTF-8";
            return false;
        }
        try
        {
            _ = r.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            var raw = r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan.ToArray();
            why = Utf8.IsValid(raw)
                ? "must be valid Unicode text, but holds an escape of a lone surrogate (such as \\ud800 without its low half)"
                : "must be valid UTF-8 text, but holds bytes that are not UTF-8";
            return false;
        }
    }

    /// <summary>
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> that answers false, instead of
    /// throwing, for a property name or value holding a lone surrogate escape (which equals no known name).
    /// </summary>
    public static bool Is(ref Utf8JsonReader r, ReadOnlySpan<byte> text)
    {
        if (!r.ValueIsEscaped && !r.HasValueSequence) return r.ValueSpan.SequenceEqual(text);
        try
        {
            return r.ValueTextEquals(text);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
