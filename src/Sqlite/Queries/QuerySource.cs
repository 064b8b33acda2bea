using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Where a query is read from: the per-month rollup rows of one dimension (<see cref="RollupMonth"/>
/// set), or a scan of the store's <c>event</c> table. The rollup is used whenever its month is current
/// and it gives the same answer (docs/reports.md lists when); everything else scans. <c>AnyType</c>: read the type-0 rollup rows
/// (one per key and month whatever the type and variant), for queries with no type or variant criterion.
/// <c>ByFolder</c>: read the (folder, asset) rows (<see cref="Rollups.ReportSchema.FolderAssetDimension"/>), whose key is the
/// event's folder and second key its asset, for asset queries with a folder criterion.
/// </summary>
internal sealed record QuerySource(int? RollupMonth, Dimension? RollupDimension, bool AnyType = false, bool ByFolder = false)
{
    public static QuerySource Scan { get; } = new(null, null);

    public bool IsRollup => RollupMonth is not null;

    /// <summary>The <c>dim</c> column value of the rollup rows read (0: one row per event).</summary>
    public int DimensionCode => ByFolder ? Rollups.ReportSchema.FolderAssetDimension : RollupDimension is { } d ? (int)d : 0;

    /// <summary>The rollup column holding the key of the dimension read (the asset is the second key of the folder rows).</summary>
    public string KeyColumn => ByFolder ? $"{Alias}.key2" : $"{Alias}.key";

    /// <summary>Alias of the table in the FROM clause; both tables name their common columns alike (type, user, asset, session, collection, channel).</summary>
    public const string Alias = "e";
}
