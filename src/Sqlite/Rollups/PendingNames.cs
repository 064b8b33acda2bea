using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The display names seen in the transaction in progress, the most recent per key (at equal
/// timestamps the greater event id, the rule of the <c>report_names</c> upsert): each named key is
/// written once per transaction instead of once per event.
/// </summary>
internal sealed class PendingNames
{
    private readonly Dictionary<(string Env, int Dim, string Key), (string Name, long Ticks, string Id)> _names = [];

    public IEnumerable<KeyValuePair<(string Env, int Dim, string Key), (string Name, long Ticks, string Id)>> All => _names;

    public void Add(string env, Dimension dim, string key, string? name, long ticks, string id)
    {
        if (name is null) return;
        var k = (env, (int)dim, key);
        if (_names.TryGetValue(k, out var known) && (known.Ticks > ticks || (known.Ticks == ticks && string.CompareOrdinal(known.Id, id) >= 0))) return;
        _names[k] = (name, ticks, id);
    }

    public void Clear() => _names.Clear();
}
