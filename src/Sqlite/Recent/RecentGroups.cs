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

    private readonly IdScratch _scratch;
    private readonly int _stamp;

    public RecentGroups(Measure measure, EventType[] breakdown, IdScratch scratch)
    {
        _scratch = scratch;
        _stamp = scratch.BeginSlots();
        _measure = measure;
        _byType = breakdown.Length > 0;
        _valuesByType = _byType ? new long[16 * TypeSlots] : [];
        _distinctKey = DistinctKeyOf(measure);
        if (_distinctKey is not null)
        {
            _seen = [];
            if (_byType) _seenByType = [];
        }
        if (measure.Weights is { } weights)
            foreach (var (type, weight) in weights) _weights[(int)type] = weight;
    }

    /// <summary>The column a distinct measure counts (0 = none), or null for additive measures.</summary>
    public static Func<RecentColumnsView, int, int>? DistinctKeyOf(Measure measure) => measure.Kind switch
    {
        MeasureKind.DistinctUsers => (v, i) => v.User[i],
        MeasureKind.DistinctAssets => (v, i) => v.Asset[i],
        MeasureKind.DistinctSessions => (v, i) => v.Session[i],
        MeasureKind.DistinctCollections => (v, i) => v.Collection[i],
        MeasureKind.Events or MeasureKind.RatingSum or MeasureKind.WeightedEvents => null,
        _ => throw new NotSupportedException($"Measure {measure.ToKey()} is not grouped."),
    };

    /// <summary>Groups seen so far (slots 0 .. Count - 1).</summary>
    public int Count => _keys.Count;
    public long Key(int slot) => _keys[slot];
    public long Value(int slot) => _values[slot];

    /// <summary>A group's measure per type of <paramref name="breakdown"/>, read from the groups' shared array.</summary>
    public IReadOnlyDictionary<EventType, long> ByType(int slot, EventType[] breakdown) => new BreakdownValues(breakdown, _valuesByType, slot * TypeSlots);
    public long ValueOfKey(long key) => _keys.IndexOf(key) is var slot and >= 0 ? _values[slot] : 0;

    // Keys that are ids, bucket numbers or enum codes find their slot in the pass's scratch array indexed by key;
    // filter pairs (two ids in one long) in the dictionary.
    private bool TryGetSlot(long key, out int slot) =>
        (ulong)key >= int.MaxValue ? _slots.TryGetValue(key, out slot) : _scratch.TryGetSlot((int)key, _stamp, out slot);

    private void SetSlot(long key, int slot)
    {
        if ((ulong)key >= int.MaxValue) _slots.Add(key, slot);
        else _scratch.SetSlot((int)key, _stamp, slot);
    }

    public void Add(long key, RecentColumnsView v, int i, EventType type)
    {
        if (!TryGetSlot(key, out var slot))
        {
            slot = _keys.Count;
            SetSlot(key, slot);
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
