namespace GraphReports.Sqlite.Recent;

/// <summary>The first <see cref="Count"/> rows of a <see cref="RecentColumns"/>, with the arrays that held them when captured.</summary>
internal sealed class RecentColumnsView
{
    public RecentColumnsView(RecentColumns c, int count, int sortedCount, long maxRowId, IdColumns present)
    {
        Count = count;
        SortedCount = sortedCount;
        MaxRowId = maxRowId;
        Present = present;
        RowId = c.RowId; Ticks = c.Ticks; User = c.User; Session = c.Session; Asset = c.Asset; Folder = c.Folder;
        Collection = c.Collection; TextKey = c.TextKey; ExpressionKey = c.ExpressionKey; Reference = c.Reference;
        Results = c.Results; Preset = c.Preset; Bulk = c.Bulk; Rating = c.Rating; Kind = c.Kind; Channel = c.Channel;
        PairStart = c.PairStart; Pairs = c.Pairs;
    }

    public int Count { get; }

    /// <summary>Rows before this one are in timestamp order (<see cref="RecentColumns.SortedCount"/>).</summary>
    public int SortedCount { get; }

    /// <summary>The greatest row id of the first <see cref="Count"/> rows.</summary>
    public long MaxRowId { get; }

    /// <summary>The id columns set in any of the first <see cref="Count"/> rows.</summary>
    public IdColumns Present { get; }

    /// <summary>The sorted rows whose timestamps are in [from, to), found by binary search.</summary>
    public (int Start, int End) SortedRange(long from, long to)
    {
        var ticks = Ticks.AsSpan(0, SortedCount);
        return (LowerBound(ticks, from), LowerBound(ticks, to));
    }

    private static int LowerBound(ReadOnlySpan<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
    public readonly long[] RowId, Ticks, Pairs;
    public readonly int[] User, Session, Asset, Folder, Collection, TextKey, ExpressionKey, Reference, Results, Preset, PairStart;
    public readonly sbyte[] Bulk;
    public readonly byte[] Rating, Kind, Channel;
}
