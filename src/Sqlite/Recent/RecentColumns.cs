namespace GraphReports.Sqlite.Recent;

/// <summary>
/// One event type's recent events of one environment, held column by column as the store keeps them: text columns are
/// <c>text_value</c> ids (0 = none), enums their integers (0 = none). Rows are appended in storage order (row id) and
/// never changed, so a reader that captured <see cref="Count"/> reads its rows while later ones are appended.
/// </summary>
internal sealed class RecentColumns
{
    /// <summary>No <c>search.results</c>.</summary>
    public const int NoResults = int.MinValue;

    public long[] RowId = new long[16];
    /// <summary>UTC ticks of the timestamp (full precision).</summary>
    public long[] Ticks = new long[16];
    public int[] User = new int[16];
    public int[] Session = new int[16];
    public int[] Asset = new int[16];
    public int[] Folder = new int[16];
    public int[] Collection = new int[16];
    public int[] TextKey = new int[16];
    public int[] ExpressionKey = new int[16];
    public int[] Reference = new int[16];
    public int[] Results = new int[16];
    public int[] Preset = new int[16];
    /// <summary>-1: no download object; 0/1: <c>download.bulk</c>.</summary>
    public sbyte[] Bulk = new sbyte[16];
    public byte[] Rating = new byte[16];
    public byte[] Kind = new byte[16];
    public byte[] Channel = new byte[16];
    /// <summary>The row's distinct (field, value) filter pairs are <see cref="Pairs"/>[PairStart[i] .. PairStart[i + 1]).</summary>
    public int[] PairStart = new int[17];
    /// <summary>(field id &lt;&lt; 32) | value id.</summary>
    public long[] Pairs = new long[16];
    public int PairCount;

    /// <summary>
    /// Rows 0 .. SortedCount - 1 are in timestamp order (a first load reads them in index order, and live events
    /// mostly arrive in order): a period is a binary search there. Rows after the first one out of order are not.
    /// </summary>
    public int SortedCount { get; private set; }

    /// <summary>The greatest row id appended (a first load appends in index order, not in row id order).</summary>
    public long MaxRowId { get; private set; }

    /// <summary>Which of the id columns a filter can name (user, asset, folder, collection) any row has set.</summary>
    public IdColumns Present { get; private set; }

    /// <summary>Rows a reader may read; published after the row's columns are written.</summary>
    public int Count => Volatile.Read(ref _count);
    private int _count;

    /// <summary>Appends one row (the caller holds the index's lock: one appender at a time).</summary>
    public void Append(in RecentRow row, ReadOnlySpan<long> pairs)
    {
        var i = _count;
        if (i == RowId.Length) Grow();
        RowId[i] = row.RowId; Ticks[i] = row.Ticks; User[i] = row.User; Session[i] = row.Session; Asset[i] = row.Asset;
        Folder[i] = row.Folder; Collection[i] = row.Collection; TextKey[i] = row.TextKey; ExpressionKey[i] = row.ExpressionKey;
        Reference[i] = row.Reference; Results[i] = row.Results; Preset[i] = row.Preset; Bulk[i] = row.Bulk; Rating[i] = row.Rating;
        Kind[i] = row.Kind; Channel[i] = row.Channel;
        if (PairCount + pairs.Length > Pairs.Length) Pairs = Resized(Pairs, Math.Max(Pairs.Length * 2, PairCount + pairs.Length));
        pairs.CopyTo(Pairs.AsSpan(PairCount));
        PairCount += pairs.Length;
        PairStart[i + 1] = PairCount;
        if (SortedCount == i && (i == 0 || row.Ticks >= Ticks[i - 1])) SortedCount = i + 1;
        if (row.RowId > MaxRowId) MaxRowId = row.RowId;
        Present |= (row.User != 0 ? IdColumns.User : 0) | (row.Asset != 0 ? IdColumns.Asset : 0)
            | (row.Folder != 0 ? IdColumns.Folder : 0) | (row.Collection != 0 ? IdColumns.Collection : 0);
        Volatile.Write(ref _count, i + 1);
    }

    // Readers hold the arrays they started with: a grown copy replaces the field, the old array stays valid for them.
    private void Grow()
    {
        var n = RowId.Length * 2;
        RowId = Resized(RowId, n); Ticks = Resized(Ticks, n); User = Resized(User, n); Session = Resized(Session, n);
        Asset = Resized(Asset, n); Folder = Resized(Folder, n); Collection = Resized(Collection, n); TextKey = Resized(TextKey, n);
        ExpressionKey = Resized(ExpressionKey, n); Reference = Resized(Reference, n); Results = Resized(Results, n);
        Preset = Resized(Preset, n); Bulk = Resized(Bulk, n); Rating = Resized(Rating, n); Kind = Resized(Kind, n);
        Channel = Resized(Channel, n); PairStart = Resized(PairStart, n + 1);
    }

    private static T[] Resized<T>(T[] array, int length)
    {
        var copy = new T[length];
        Array.Copy(array, copy, array.Length);
        return copy;
    }

    /// <summary>The rows a reader sees now: arrays and count captured together (under the index's lock).</summary>
    public RecentColumnsView View() => new(this, Count, SortedCount, MaxRowId, Present);
}

/// <summary>The id columns a filter can name; 0 in a column is "none", which no filter matches.</summary>
[Flags]
internal enum IdColumns
{
    User = 1,
    Asset = 2,
    Folder = 4,
    Collection = 8,
}

/// <summary>One stored event as <see cref="RecentColumns"/> keeps it.</summary>
internal struct RecentRow
{
    public long RowId, Ticks;
    public int User, Session, Asset, Folder, Collection, TextKey, ExpressionKey, Reference, Results, Preset;
    public sbyte Bulk;
    public byte Rating, Kind, Channel;
}
