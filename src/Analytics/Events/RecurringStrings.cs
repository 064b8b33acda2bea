using System.Text.Json;

namespace GraphReports.Analytics.Events;

/// <summary>
/// Decodes the string values that recur from event to event (asset ids, names and folders, users,
/// pages, search texts...) once, and hands out the same <see cref="string"/> again when the same bytes
/// come back. A bulk import then allocates a fraction of the strings it would, so the garbage
/// collector runs less often and copies less (bench/RESULTS.md, "Ingest"). One table per thread, so
/// that the collector's concurrent requests share nothing: a direct-mapped table of
/// <see cref="Slots"/> entries where a newcomer replaces whatever shared its slot.
/// </summary>
internal sealed class RecurringStrings
{
    private const int Slots = 16_384; // a power of two
    private const int MaxBytes = 128; // longer values are rarely repeated ids or names

    [ThreadStatic] private static RecurringStrings? t_current;

    private readonly byte[]?[] _bytes = new byte[]?[Slots];
    private readonly string?[] _strings = new string?[Slots];

    public static RecurringStrings Current => t_current ??= new RecurringStrings();

    /// <summary>The reader's current string value, from the table when its bytes were decoded before.</summary>
    public string Get(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > MaxBytes) return r.GetString()!;
        var bytes = r.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(bytes);
        var slot = hash.ToHashCode() & (Slots - 1);
        if (_bytes[slot] is { } known && bytes.SequenceEqual(known)) return _strings[slot]!;
        // Decoded by the reader as any other string (same checks of the UTF-8), then remembered.
        var value = r.GetString()!;
        _bytes[slot] = bytes.ToArray();
        _strings[slot] = value;
        return value;
    }
}
