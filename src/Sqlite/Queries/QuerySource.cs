using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Where a query is read from: the per-month rollup rows of one dimension (<see cref="RollupMonth"/>
/// set), or a scan of the store's <c>event</c> table. The rollup is used whenever its month is current
/// and it gives the same answer (docs/reports.md lists when); everything else scans. <c>AnyType</c>: read the type-0 rollup rows
/// (one per key and month whatever the type and variant), for queries with no type or variant criterion.
/// <c>ByFolder</c>: read the (folder, asset) rows (<see cref="Rollups.ReportSchema.FolderAssetDimension"/>), whose key is the
/// event's folder and second key its asset, for asset queries with a folder criterion.
/// <c>Before</c>: the period is the month's start up to this instant (the previous month "to date"); only
/// <see cref="DistinctKeysCompiler"/> reads such a source, counting the keys first seen before it.
/// <c>ToDate</c>: the same kind of period for a total of events (or ratings, points): <see cref="MonthToDateCompiler"/>
/// sums the day rows (<see cref="Rollups.ReportSchema.DayDimension"/>) of the days before the period's last day and
/// scans that day's events up to its end.
/// </summary>
internal sealed record QuerySource(int? RollupMonth, Dimension? RollupDimension, bool AnyType = false, bool ByFolder = false, DateTimeOffset? Before = null,
    DayCut? ToDate = null)
{
    public static QuerySource Scan { get; } = new(null, null);

    /// <summary>
    /// The query names keys of the dimension read (an id list, or a folder and its subfolders): the rows are found by
    /// seeking each variant's key range (<see cref="DimensionSql.From"/>) rather than read across every variant.
    /// </summary>
    public bool SeekKeys { get; init; }

    public bool IsRollup => RollupMonth is not null;

    /// <summary>The <c>dim</c> column value of the rollup rows read (0: one row per event).</summary>
    public int DimensionCode =>
        ByFolder ? Rollups.ReportSchema.FolderAssetDimension : ToDate is not null ? Rollups.ReportSchema.DayDimension : RollupDimension is { } d ? (int)d : 0;

    /// <summary>The rollup column holding the key of the dimension read (the asset is the second key of the folder rows).</summary>
    public string KeyColumn => ByFolder ? $"{Alias}.key2" : $"{Alias}.key";

    /// <summary>Alias of the table in the FROM clause; both tables name their common columns alike (type, user, asset, session, collection, channel).</summary>
    public const string Alias = "e";
}

/// <summary>Where a month "to date" is cut: the whole days before <c>Day</c> come from day rows, [<c>DayStart</c>, end) is scanned.</summary>
internal sealed record DayCut(int Day, DateTimeOffset DayStart)
{
    /// <summary>The cut for a period from <paramref name="month"/>'s start to <paramref name="end"/> (inside it or its end).</summary>
    public static DayCut Of(DateTimeOffset end, GraphReports.Analytics.Time.TimePeriod month, TimeZoneInfo zone)
    {
        if (end >= month.End) return new DayCut(32, month.End); // every day of the month, nothing to scan
        var date = GraphReports.Analytics.Time.ZonedCalendar.DateOf(end, zone);
        return new DayCut(date.Day, GraphReports.Analytics.Time.ZonedCalendar.StartOfDay(date, zone));
    }
}
