using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// Display names already read from <c>report_names</c>, kept until an event of their key is stored: the writer
/// changes a key's name only when it stores an event of that key, and every stored event passes through
/// <see cref="RecentEnvironment.CatchUp"/>, which calls <see cref="Changed"/>. A name read at a snapshot is used by
/// batches whose snapshot has seen every change of the key; the others read it again.
/// </summary>
internal sealed class RecentNameCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(Dimension, int), long> _changedAt = [];
    private readonly Dictionary<(Dimension, int), (string? Name, long ReadThrough)> _known = [];

    /// <summary>An event of the key was stored as row <paramref name="rowId"/>.</summary>
    public void Changed(Dimension dimension, int key, long rowId)
    {
        lock (_lock) _changedAt[(dimension, key)] = rowId;
    }

    /// <summary>
    /// The names of <paramref name="keys"/> the cache can vouch for at <paramref name="visibleThrough"/>, by position;
    /// the positions it cannot vouch for are returned (one lock for the list: a folder page names tens of thousands).
    /// </summary>
    public List<int> TryGetAll(Dimension dimension, IReadOnlyList<int> keys, long visibleThrough, string?[] names)
    {
        var unknown = new List<int>();
        lock (_lock)
            for (var i = 0; i < keys.Count; i++)
            {
                var changed = _changedAt.GetValueOrDefault((dimension, keys[i]));
                if (_known.TryGetValue((dimension, keys[i]), out var known) && known.ReadThrough >= changed && visibleThrough >= changed)
                    names[i] = known.Name;
                else unknown.Add(i);
            }
        return unknown;
    }

    /// <summary>Keeps a name read in a snapshot that sees rows up to <paramref name="readThrough"/>.</summary>
    public void Put(Dimension dimension, int key, string? name, long readThrough)
    {
        lock (_lock)
        {
            if (readThrough < _changedAt.GetValueOrDefault((dimension, key))) return;
            if (_known.TryGetValue((dimension, key), out var known) && known.ReadThrough > readThrough) return;
            _known[(dimension, key)] = (name, readThrough);
        }
    }
}
