using System.Collections.Concurrent;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// Arrays indexed by interned id that one pass over the rows uses: marks for a distinct count, and each group key's
/// slot. Each use takes a new stamp, so the arrays are never cleared between passes. They are rented from a pool for
/// one pass and given back, so that their number follows the passes running at once, not the threads that ever ran one.
/// </summary>
internal sealed class IdScratch
{
    private static readonly ConcurrentBag<IdScratch> Pool = [];
    private int[] _marks = new int[1 << 16];
    private long[] _slots = new long[1 << 16];
    private int _markStamp, _slotStamp;

    public static IdScratch Rent() => Pool.TryTake(out var scratch) ? scratch : new IdScratch();

    public void Return() => Pool.Add(this);

    /// <summary>A fresh stamp for a distinct count: ids are counted once each by <see cref="Mark"/>.</summary>
    public int BeginMarks()
    {
        if (++_markStamp == int.MaxValue)
        {
            Array.Clear(_marks);
            _markStamp = 1;
        }
        return _markStamp;
    }

    /// <summary>True the first time <paramref name="id"/> is marked with <paramref name="stamp"/>.</summary>
    public bool Mark(int id, int stamp)
    {
        if (id >= _marks.Length) Array.Resize(ref _marks, Math.Max(id + 1, _marks.Length * 2));
        if (_marks[id] == stamp) return false;
        _marks[id] = stamp;
        return true;
    }

    /// <summary>A fresh stamp for a grouping: every key starts without a slot.</summary>
    public int BeginSlots()
    {
        if (++_slotStamp == int.MaxValue)
        {
            Array.Clear(_slots);
            _slotStamp = 1;
        }
        return _slotStamp;
    }

    public bool TryGetSlot(int key, int stamp, out int slot)
    {
        if (key < _slots.Length && (int)(_slots[key] >> 32) == stamp)
        {
            slot = (int)_slots[key];
            return true;
        }
        slot = -1;
        return false;
    }

    public void SetSlot(int key, int stamp, int slot)
    {
        if (key >= _slots.Length) Array.Resize(ref _slots, Math.Max(key + 1, _slots.Length * 2));
        _slots[key] = ((long)stamp << 32) | (uint)slot;
    }
}
