using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Rollups;

/// <summary>One rollup row's identity: a month's events of one variant and one dimension key.</summary>
internal readonly record struct RollupKey(
    string Env, int Month, int Dim, int Type, int Kind, int Bulk, int Preset, int Zero, int Channel, string Key, string Key2);

/// <summary>
/// The rollup changes of the transaction in progress, summed in memory: each distinct row is
/// written once per transaction instead of once per event.
/// </summary>
internal sealed class PendingRollups
{
    private readonly Dictionary<RollupKey, (long Events, long RatingSum)> _rollups = [];
    private readonly Dictionary<(string Env, int Month, string Session), (long? FirstSearch, long? LastDownload)> _sessions = [];
    private readonly Dictionary<(string Env, int Dim, string Key), (string Name, long Ticks, string Id)> _names = [];

    public bool IsEmpty => _rollups.Count == 0 && _sessions.Count == 0 && _names.Count == 0;

    public void Add(string env, int month, ActivityEvent e, EventFacts f)
    {
        foreach (var (dim, key, key2) in f.RollupKeys())
        {
            var k = new RollupKey(env, month, dim is { } d ? (int)d : 0, f.Type, f.Kind, f.Bulk, f.Preset, f.Zero, f.Channel, key, key2);
            Count(k, f.Rating ?? 0);
            // The same key once more under type 0 ("any type, any variant"): unfiltered distinct
            // counts (active sessions of any event) then read one row per key instead of one per variant.
            Count(k with { Type = 0, Kind = 0, Bulk = 0, Preset = 0, Zero = 0, Channel = 0 }, f.Rating ?? 0);
        }
        if (f.Session is not null && e.Type is EventType.Search or EventType.Download)
        {
            var k = (env, month, f.Session);
            var (first, last) = _sessions.GetValueOrDefault(k);
            if (e.Type == EventType.Search && (first is null || f.Ticks < first)) first = f.Ticks;
            if (e.Type == EventType.Download && (last is null || f.Ticks > last)) last = f.Ticks;
            _sessions[k] = (first, last);
        }
        if (f.AssetName is not null) Name(env, Dimension.Asset, f.Asset!, f.AssetName, f.Ticks, e.Id);
        if (f.CollectionName is not null) Name(env, Dimension.Collection, f.Collection!, f.CollectionName, f.Ticks, e.Id);
        if (f.ReferenceName is not null) Name(env, Dimension.ReferenceImage, f.Reference!, f.ReferenceName, f.Ticks, e.Id);
    }

    private void Count(in RollupKey k, long rating)
    {
        var (events, ratings) = _rollups.GetValueOrDefault(k);
        _rollups[k] = (events + 1, ratings + rating);
    }

    /// <summary>The most recent name wins; at equal timestamps the greater id (the same rule as the SQL upsert).</summary>
    private void Name(string env, Dimension dim, string key, string name, long ticks, string id)
    {
        var k = (env, (int)dim, key);
        if (_names.TryGetValue(k, out var known) && (known.Ticks > ticks || (known.Ticks == ticks && string.CompareOrdinal(known.Id, id) >= 0))) return;
        _names[k] = (name, ticks, id);
    }

    public void WriteTo(ReportProjection.Commands commands)
    {
        foreach (var (k, (events, ratings)) in _rollups) commands.AddToRollup(k, events, ratings);
        foreach (var ((env, month, session), (first, last)) in _sessions) commands.UpdateSession(env, month, session, first, last);
        foreach (var ((env, dim, key), (name, ticks, id)) in _names) commands.UpdateName(env, (Dimension)dim, key, name, ticks, id);
    }

    public void Clear()
    {
        _rollups.Clear();
        _sessions.Clear();
        _names.Clear();
    }
}
