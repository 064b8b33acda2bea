using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The display names seen in the transaction in progress, the most recent per key (at equal
/// timestamps the greater event id, the rule of the <c>report_names</c> upsert): each named key is
/// written once per transaction instead of once per event. Keyed by the store's interned ids, which
/// hash far cheaper than the strings (this runs for most events, on the writer thread).
/// </summary>
internal sealed class PendingNames
{
    private readonly Dictionary<(long Env, int Dim, long Key), PendingName> _names = [];

    public IEnumerable<PendingName> All => _names.Values;

    public void Add(long envKey, string env, Dimension dim, long keyId, string key, string? name, long ticks, string id)
    {
        if (name is null) return;
        ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_names, (envKey, (int)dim, keyId), out var exists);
        if (exists && (known.Ticks > ticks || (known.Ticks == ticks && string.CompareOrdinal(known.EventId, id) >= 0))) return;
        known = new PendingName(env, dim, key, name, ticks, id);
    }

    public void Clear() => _names.Clear();
}

/// <summary>A name to upsert into <c>report_names</c>.</summary>
internal readonly record struct PendingName(string Env, Dimension Dim, string Key, string Name, long Ticks, string EventId);
