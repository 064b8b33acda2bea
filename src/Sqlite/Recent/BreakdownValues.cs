using System.Collections;
using System.Diagnostics.CodeAnalysis;
using GraphReports.Analytics.Events;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// A top-list entry's measure per event type, read from the group's row of one shared array: a folder page lists
/// tens of thousands of entries, and a dictionary each cost more than computing them (bench/RESULTS.md).
/// </summary>
internal sealed class BreakdownValues(EventType[] types, long[] values, int offset) : IReadOnlyDictionary<EventType, long>
{
    public long this[EventType key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key.ToWire());

    public IEnumerable<EventType> Keys => types;
    public IEnumerable<long> Values => types.Select(t => this[t]);
    public int Count => types.Length;

    public bool ContainsKey(EventType key) => Array.IndexOf(types, key) >= 0;

    public bool TryGetValue(EventType key, [MaybeNullWhen(false)] out long value)
    {
        if (!ContainsKey(key))
        {
            value = 0;
            return false;
        }
        value = values[offset + (int)key];
        return true;
    }

    public IEnumerator<KeyValuePair<EventType, long>> GetEnumerator() =>
        types.Select(t => new KeyValuePair<EventType, long>(t, values[offset + (int)t])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
