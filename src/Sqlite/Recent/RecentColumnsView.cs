namespace GraphReports.Sqlite.Recent;

/// <summary>The first <see cref="Count"/> rows of a <see cref="RecentColumns"/>, with the arrays that held them when captured.</summary>
internal sealed class RecentColumnsView
{
    public RecentColumnsView(RecentColumns c, int count)
    {
        Count = count;
        RowId = c.RowId; Ticks = c.Ticks; User = c.User; Session = c.Session; Asset = c.Asset; Folder = c.Folder;
        Collection = c.Collection; TextKey = c.TextKey; ExpressionKey = c.ExpressionKey; Reference = c.Reference;
        Results = c.Results; Preset = c.Preset; Bulk = c.Bulk; Rating = c.Rating; Kind = c.Kind; Channel = c.Channel;
        PairStart = c.PairStart; Pairs = c.Pairs;
    }

    public int Count { get; }
    public readonly long[] RowId, Ticks, Pairs;
    public readonly int[] User, Session, Asset, Folder, Collection, TextKey, ExpressionKey, Reference, Results, Preset, PairStart;
    public readonly sbyte[] Bulk;
    public readonly byte[] Rating, Kind, Channel;
}
