using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Reports;

/// <summary>What every report says about itself: its month, whether that month is closed, and which figures are approximate.</summary>
public sealed record ReportHeader(Month Month, bool Closed, IReadOnlyList<string> ApproximateFigures);

/// <summary>
/// A figure of the listed month beside the previous month's: absolute change, and percent change
/// 100 x (current - previous) / previous, unrounded, null when previous is 0.
/// </summary>
public sealed record Comparison(long Current, long Previous)
{
    public long Change => Current - Previous;
    public double? PercentChange => Previous == 0 ? null : 100.0 * (Current - Previous) / Previous;
}

/// <summary>One month of a trend.</summary>
public sealed record TrendPoint(Month Month, long Value);

/// <summary>One month of the public-collection downloads trend, split by file form.</summary>
public sealed record DownloadSplitPoint(Month Month, long Original, long Transformed)
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
