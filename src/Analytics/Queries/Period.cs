using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Queries;

/// <summary>
/// A half-open span of time <c>[From, To)</c>. When it was made from a month (<see cref="ForMonth"/>)
/// it remembers that month: stores use it to read per-month rollups, caches to key answers by month.
/// </summary>
public sealed record Period
{
    public Period(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) throw new ArgumentException($"The period ends ({to:O}) before it starts ({from:O}).", nameof(to));
        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }

    /// <summary>The month this period is exactly, in <see cref="Zone"/>; null for any other span.</summary>
    public Month? Month { get; private init; }

    /// <summary>The time zone in which <see cref="Month"/> was computed; null when <see cref="Month"/> is.</summary>
    public string? Zone { get; private init; }

    /// <summary>The month <paramref name="month"/> as computed in <paramref name="zone"/> (REPORTS.md §2).</summary>
    public static Period ForMonth(Month month, TimeZoneInfo zone) =>
        FromSpan(month, zone, ZonedCalendar.PeriodOf(month, zone));

    private static Period FromSpan(Month month, TimeZoneInfo zone, TimePeriod span) =>
        new(span.Start, span.End) { Month = month, Zone = zone.Id };

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>The same span as the Time folder's <see cref="TimePeriod"/>.</summary>
    public TimePeriod ToTimePeriod() => new(From, To);

    public override string ToString() =>
        Month is { } m ? $"{m}@{Zone}" : $"{From.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}..{To.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}
