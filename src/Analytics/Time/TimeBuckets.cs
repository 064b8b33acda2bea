using System.Globalization;

namespace GraphReports.Analytics.Time;

/// <summary>The width of a histogram bucket.</summary>
public enum Granularity
{
    Day = 1,
    /// <summary>ISO 8601 weeks: Monday to Sunday.</summary>
    Week = 2,
    Month = 3,
}

/// <summary>
/// One histogram bucket: its first local day (the key), the instants it covers, and a label:
/// <c>2026-11-22</c> for a day, <c>2026-W47</c> (ISO week) for a week, <c>2026-11</c> for a month.
/// </summary>
public readonly record struct TimeBucket(DateOnly FirstDay, TimePeriod Period, string Label);

/// <summary>Day, week and month buckets in a time zone, for trends and histograms.</summary>
public static class TimeBuckets
{
    /// <summary>The first local day of the bucket that holds <paramref name="instant"/>.</summary>
    public static DateOnly KeyOf(DateTimeOffset instant, Granularity granularity, TimeZoneInfo zone) =>
        FirstDayOf(ZonedCalendar.DateOf(instant, zone), granularity);

    /// <summary>The first day of the bucket that holds local date <paramref name="day"/>.</summary>
    public static DateOnly FirstDayOf(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Day => day,
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), // Monday = 0
        Granularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, null),
    };

    /// <summary>The bucket whose first day is <paramref name="firstDay"/>.</summary>
    public static TimeBucket Bucket(DateOnly firstDay, Granularity granularity, TimeZoneInfo zone)
    {
        var period = new TimePeriod(ZonedCalendar.StartOfDay(firstDay, zone), ZonedCalendar.StartOfDay(Following(firstDay, granularity), zone));
        return new TimeBucket(firstDay, period, Label(firstDay, granularity));
    }

    /// <summary>
    /// Every bucket that overlaps <paramref name="period"/>, in order, none missing (a histogram shows
    /// zero for an empty bucket). The first and last buckets may extend beyond the period.
    /// </summary>
    public static IReadOnlyList<TimeBucket> Cover(TimePeriod period, Granularity granularity, TimeZoneInfo zone)
    {
        var buckets = new List<TimeBucket>();
        if (period.End <= period.Start) return buckets;
        var day = KeyOf(period.Start, granularity, zone);
        while (true)
        {
            var bucket = Bucket(day, granularity, zone);
            if (bucket.Period.Start >= period.End) break;
            buckets.Add(bucket);
            day = Following(day, granularity);
        }
        return buckets;
    }

    private static DateOnly Following(DateOnly firstDay, Granularity granularity) => granularity switch
    {
        Granularity.Day => firstDay.AddDays(1),
        Granularity.Week => firstDay.AddDays(7),
        _ => firstDay.AddMonths(1),
    };

    private static string Label(DateOnly firstDay, Granularity granularity) => granularity switch
    {
        Granularity.Day => firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Granularity.Week => FormattableString.Invariant(
            $"{ISOWeek.GetYear(firstDay.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(firstDay.ToDateTime(TimeOnly.MinValue)):D2}"),
        _ => Month.Of(firstDay).ToString(),
    };
}
