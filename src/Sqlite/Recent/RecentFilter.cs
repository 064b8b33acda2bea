using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// An <see cref="EventFilter"/> turned into tests on <see cref="RecentColumns"/> rows, with the same meaning as the
/// scan's SQL (<c>FilterSql</c>): strings are matched through their <c>text_value</c> ids (a string never stored
/// matches nothing), a missing search kind or channel is 0, a download object exists iff its bulk flag is set.
/// </summary>
internal sealed class RecentFilter
{
    private readonly long _from, _to, _visibleThrough;
    private readonly IdSet? _users, _assets, _collections, _folders;
    private readonly bool[]? _kinds, _channels;
    private readonly BulkDownloads _bulk;
    private readonly bool _zeroResults;
    private readonly bool? _preset;
    private readonly IdColumns _named;

    public RecentFilter(EventFilter f, RecentReadContext context, long visibleThrough)
    {
        _from = f.Period.From.UtcTicks;
        _to = f.Period.To.UtcTicks;
        _visibleThrough = visibleThrough;
        Types = (f.Types ?? EventTypeNames.All).Distinct().Order().ToArray();
        if (f.Users is { } users) _users = new(context.Texts.IdsOf(users, context));
        if (f.Assets is { } assets) _assets = new(context.Texts.IdsOf(assets, context));
        if (f.Collections is { } collections) _collections = new(context.Texts.IdsOf(collections, context));
        if (f.FolderPrefix is { } folder) _folders = new(context.Texts.FolderIds(folder, context));
        if (f.SearchKinds is { } kinds) _kinds = Flags(kinds.Select(k => (int)k));
        if (f.Channels is { } channels) _channels = Flags(channels.Select(c => (int)c));
        _named = (_users is null ? 0 : IdColumns.User) | (_assets is null ? 0 : IdColumns.Asset)
            | (_folders is null ? 0 : IdColumns.Folder) | (_collections is null ? 0 : IdColumns.Collection);
        _bulk = f.BulkDownloads;
        _zeroResults = f.ZeroResultsOnly;
        _preset = f.Preset;
    }

    /// <summary>The event types whose rows can match, in order.</summary>
    public IReadOnlyList<EventType> Types { get; }

    /// <summary>
    /// Calls <paramref name="visit"/> with every selected row of the snapshot: only the partitions of the filter's types
    /// that overlap its period are read; in each, the sorted rows of the period (<see cref="RecentColumnsView.SortedRange"/>),
    /// whose timestamps need no test, and every row after them.
    /// </summary>
    public void ForEachSelected(RecentSnapshot snapshot, Action<RecentColumnsView, int, EventType> visit)
    {
        foreach (var partition in snapshot.Partitions(Types, _from, _to))
        {
            var (v, type) = (partition.Rows, partition.Type);
            // A partition where no row has a column the filter names (searches have no folder) holds no match.
            if ((_named & ~v.Present) != 0) continue;
            // A view holds rows stored after the batch's snapshot only when another batch caught up first.
            var unseen = v.MaxRowId > _visibleThrough;
            var (start, end) = v.SortedRange(_from, _to);
            if (!unseen && !HasFieldTests(type))
                for (var i = start; i < end; i++) visit(v, i, type);
            else
                for (var i = start; i < end; i++)
                    if ((!unseen || v.RowId[i] <= _visibleThrough) && MatchesFields(v, i, type)) visit(v, i, type);
            for (var i = v.SortedCount; i < v.Count; i++)
                if (Matches(v, i, type)) visit(v, i, type);
        }
    }

    /// <summary>Whether rows of <paramref name="type"/> are tested on anything besides time and visibility.</summary>
    private bool HasFieldTests(EventType type) =>
        _named != 0 || _kinds is not null || _channels is not null
        || (_bulk != BulkDownloads.Include && type == EventType.Download) || _zeroResults || _preset is not null;

    /// <summary>Whether row <paramref name="i"/> of <paramref name="v"/> (rows of type <paramref name="type"/>) is selected.</summary>
    private bool Matches(RecentColumnsView v, int i, EventType type)
    {
        var ticks = v.Ticks[i];
        return ticks >= _from && ticks < _to && v.RowId[i] <= _visibleThrough && MatchesFields(v, i, type);
    }

    /// <summary>The filter's tests of row <paramref name="i"/> other than its time and visibility.</summary>
    private bool MatchesFields(RecentColumnsView v, int i, EventType type)
    {
        if (_users is not null && !_users.Contains(v.User[i])) return false;
        if (_assets is not null && !_assets.Contains(v.Asset[i])) return false;
        if (_collections is not null && !_collections.Contains(v.Collection[i])) return false;
        if (_folders is not null && !_folders.Contains(v.Folder[i])) return false;
        if (_kinds is not null && !_kinds[v.Kind[i]]) return false;
        if (_channels is not null && !_channels[v.Channel[i]]) return false;
        if (_bulk != BulkDownloads.Include && type == EventType.Download && (v.Bulk[i] == 1) != (_bulk == BulkDownloads.Only)) return false;
        if (_zeroResults && v.Results[i] != 0) return false;
        if (_preset == true && v.Preset[i] == 0) return false;
        if (_preset == false && (v.Bulk[i] < 0 || v.Preset[i] != 0)) return false;
        return true;
    }

    // Ids 0 (none) up to 255: search kinds and channels are small enums.
    private static bool[] Flags(IEnumerable<int> values)
    {
        var flags = new bool[256];
        foreach (var v in values) flags[v] = true;
        return flags;
    }
}
