using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Queries;

/// <summary>The form of a query's answer: one number, a top list, or a zero-filled histogram.</summary>
public abstract record Shape
{
    public abstract string ToKey();
}

/// <summary>One number over every selected event.</summary>
public sealed record TotalShape : Shape
{
    public static TotalShape Instance { get; } = new();
    public override string ToKey() => "total";
}

/// <summary>
/// The first <see cref="Limit"/> groups by <see cref="Dimension"/>, by measure descending, ties by
/// key in ordinal order ascending (a filter pair by field, then value). Groups whose measure is 0
/// are not listed. <see cref="Limit"/> null lists every group (the catalogue's folder view).
/// <see cref="BreakDownByType"/> adds each entry's measure per event type of the filter.
/// <see cref="AnyOrder"/> (only without a limit) lets the store list the groups in any order, for a
/// consumer that orders them itself: ranking tens of thousands of groups costs more than grouping them.
/// </summary>
public sealed record TopShape : Shape
{
    public TopShape(Dimension dimension, int? limit, bool breakDownByType = false, bool anyOrder = false)
    {
        if (limit is < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "A top list has at least one entry.");
        if (anyOrder && limit is not null) throw new ArgumentException("A list cut at a limit is cut in rank order.", nameof(anyOrder));
        Dimension = dimension;
        Limit = limit;
        BreakDownByType = breakDownByType;
        AnyOrder = anyOrder;
    }

    public Dimension Dimension { get; }
    public int? Limit { get; }
    public bool BreakDownByType { get; }
    public bool AnyOrder { get; }

    public override string ToKey() => $"top({Dimension},{Limit?.ToString() ?? "all"}{(BreakDownByType ? ",bytype" : "")}{(AnyOrder ? ",anyorder" : "")})";
}

/// <summary>
/// The measure per bucket (<see cref="TimeBuckets.Cover"/>: days, ISO weeks from Monday, or months) over the period, every bucket present (zero where nothing happened),
/// oldest first. Buckets are local calendar units of <see cref="Zone"/> (an IANA id); the first
/// bucket is the one containing the period's start and the last the one containing its last
/// instant, so edge buckets may extend beyond the period (their events outside it are not counted).
/// </summary>
public sealed record HistogramShape(Granularity Interval, string Zone) : Shape
{
    public override string ToKey() => $"histogram({Interval},{Zone})";
}
