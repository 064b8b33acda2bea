using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Reports;

/// <summary>What every report says about itself: its month, whether that month is closed, and which figures are approximate.</summary>
public sealed record ReportHeader(Month Month, bool Closed, IReadOnlyList<string> ApproximateFigures);

/// <summary>
/// A figure of the listed month beside the previous month's: absolute change, and percent change
/// 100 x (current - previous) / previous, unrounded, null when previous is 0. For an open month,
/// <see cref="PreviousToDate"/> is the previous month's value over the same elapsed span
/// (<see cref="Time.ElapsedSpan"/>) and the to-date changes compare with it; all three are null for
/// a closed month.
/// </summary>
public sealed record Comparison(long Current, long Previous, long? PreviousToDate = null)
{
    public long Change => Current - Previous;
    public double? PercentChange => Percent(Current, Previous);

    public long? ChangeToDate => Current - PreviousToDate;
    public double? PercentChangeToDate => PreviousToDate is { } p ? Percent(Current, p) : null;

    private static double? Percent(long current, long previous) => previous == 0 ? null : 100.0 * (current - previous) / previous;
}

/// <summary>One month of a trend; <see cref="Partial"/> while that month is still open.</summary>
public sealed record TrendPoint(Month Month, long Value, bool Partial = false);

/// <summary>One month of the public-collection downloads trend, split by file form; <see cref="Partial"/> while that month is still open.</summary>
public sealed record DownloadSplitPoint(Month Month, long Original, long Transformed, bool Partial = false)
{
    public long Total => Original + Transformed;
}

/// <summary>One entry of a top list: key (id or normalized text), display name when known, count.</summary>
public sealed record RankedItem(string Key, string? Name, long Count);

/// <summary>One entry of the top filter values.</summary>
public sealed record RankedFilterPair(string Field, string Value, long Count);

/// <summary>A share: <see cref="Value"/> = numerator / denominator, null when the denominator is 0.</summary>
public sealed record Rate(long Numerator, long Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}
