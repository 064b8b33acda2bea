namespace GraphReports.Sqlite.Recent;

/// <summary>
/// A set of interned ids tested once per row: a few ids (one asset, a user) are compared in place, which is several
/// times faster than hashing; larger sets hash.
/// </summary>
internal sealed class IdSet
{
    private const int Linear = 8;
    private readonly int[] _few;
    private readonly HashSet<int>? _many;

    public IdSet(IReadOnlyCollection<int> ids)
    {
        if (ids.Count <= Linear) _few = [.. ids];
        else
        {
            _few = [];
            _many = [.. ids];
        }
    }

    public bool Contains(int id)
    {
        if (_many is not null) return _many.Contains(id);
        foreach (var x in _few)
            if (x == id) return true;
        return false;
    }
}
