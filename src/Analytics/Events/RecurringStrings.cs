using System.Buffers.Binary;
using System.Text;
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
    private const int SlotBits = 14;
    private const int Slots = 1 << SlotBits; // 16,384
    private const int MaxBytes = 128; // longer values are rarely repeated ids or names

    [ThreadStatic] private static RecurringStrings? t_current;

    private readonly string?[] _strings = new string?[Slots];

    public static RecurringStrings Current => t_current ??= new RecurringStrings();

    /// <summary>The reader's current string value, from the table when the same text was decoded before.</summary>
    public string Get(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > MaxBytes) return r.GetString()!;
        var bytes = r.ValueSpan;
        var slot = (int)(Hash(bytes) >> (64 - SlotBits)); // the best mixed bits of a multiplicative hash
        // ASCII text (ids, names, paths, URLs) matches by a vectorized compare; other text is decoded every time.
        if (_strings[slot] is { } known && Ascii.Equals(bytes, known)) return known;
        var value = r.GetString()!; // decoded by the reader as any other string (same checks of the UTF-8)
        _strings[slot] = value;
        return value;
    }

    /// <summary>A multiplicative hash over 8-byte words (the table only needs its slots evenly filled).</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Factor = 0x9E3779B97F4A7C15; // 2^64 / golden ratio
        var h = (ulong)bytes.Length * Factor;
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Factor;
            bytes = bytes[8..];
        }
        if (bytes.Length > 0)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++) tail |= (ulong)bytes[i] << (8 * i);
            h = (h ^ tail) * Factor;
        }
        return (h ^ (h >> 29)) * Factor;
    }
}
