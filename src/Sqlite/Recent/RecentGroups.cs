using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// A measure accumulated per group key (and per event type when a breakdown is asked for). Distinct measures count
/// each (group, key) pair once; additive ones sum per row.
/// </summary>
internal sealed class RecentGroups
{
    private const int TypeSlots = 16;
    private readonly Measure _measure;
    private readonly bool _byType;
    private readonly Dictionary<long, int> _slots = [];
    private readonly List<long> _keys = [];
    private long[] _values = new long[16];
    private long[] _valuesByType;
    private readonly HashSet<long>? _seen, _seenByType;
    private readonly Func<RecentColumnsView, int, int>? _distinctKey;
    private readonly int[] _weights = new int[TypeSlots];

    public RecentGroups(Measure measure, EventType[] breakdown)
    {
        _measure = measure;
        _byType = breakdown.Length > 0;
        _valuesByType = _byType ? new long[16 * TypeSlots] : [];
        _distinctKey = measure.Kind switch
        {
            MeasureKind.DistinctUsers => (v, i) => v.User[i],
            MeasureKind.DistinctAssets => (v, i) => v.Asset[i],
            MeasureKind.DistinctSessions => (v, i) => v.Session[i],
            MeasureKind.DistinctCollections => (v, i) => v.Collection[i],
            MeasureKind.Events or MeasureKind.RatingSum or MeasureKind.WeightedEvents => null,
            _ => throw new NotSupportedException($"Measure {measure.ToKey()} is not grouped."),
        };
        if (_distinctKey is not null)
        {
            _seen = [];
            if (_byType) _seenByType = [];
        }
        if (measure.Weights is { } weights)
            foreach (var (type, weight) in weights) _weights[(int)type] = weight;
    }

    /// <summary>Groups seen so far (slots 0 .. Count - 1).</summary>
    public int Count => _keys.Count;
    public long Key(int slot) => _keys[slot];
    public long Value(int slot) => _values[slot];
    public long ValueByType(int slot, EventType type) => _valuesByType[slot * TypeSlots + (int)type];
    public long ValueOfKey(long key) => _slots.TryGetValue(key, out var slot) ? _values[slot] : 0;

    public void Add(long key, RecentColumnsView v, int i, EventType type)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = _keys.Count;
            _slots.Add(key, slot);
            _keys.Add(key);
            if (slot == _values.Length)
            {
                Array.Resize(ref _values, slot * 2);
                if (_byType) Array.Resize(ref _valuesByType, slot * 2 * TypeSlots);
            }
        }
        var typed = slot * TypeSlots + (int)type;
        if (_distinctKey is not null)
        {
            var id = _distinctKey(v, i);
            if (id == 0) return;
            if (_seen!.Add(((long)slot << 32) | (uint)id)) _values[slot]++;
            if (_byType && _seenByType!.Add(((long)typed << 32) | (uint)id)) _valuesByType[typed]++;
            return;
        }
        long add = _measure.Kind switch
        {
            MeasureKind.Events => 1,
            MeasureKind.RatingSum => v.Rating[i],
            _ => _weights[(int)type],
        };
        _values[slot] += add;
        if (_byType) _valuesByType[typed] += add;
    }
}
