namespace GraphReports.Analytics.Time;

/// <summary>
/// "The same elapsed span" of an open month in the month before it: what a month that is two days
/// old is fairly compared with (docs/graphql-schema.md, "Open months: figures to date").
/// </summary>
/// <remarks>
/// The span is measured on the environment's wall clock, not in elapsed hours: at local day D,
/// time T of the open month, the previous month is taken from its first instant up to its local
/// day D at time T. So 2 December 10:30 compares with 1 November 00:00 to 2 November 10:30, even when
/// a daylight-saving change lies in either span (the spans then differ by that hour, as the two
/// months' days do). Where the previous month is shorter (30 or 31 March against February), the whole
/// previous month is the span. Where T does not exist on the previous month's day D (a spring-forward
/// gap) the span ends at the jump; where T happens twice there (fall-back) it ends at its first occurrence.
/// </remarks>
public static class ElapsedSpan
{
    /// <summary>
    /// The part of the month before <paramref name="month"/> that matches how much of
    /// <paramref name="month"/> has passed at <paramref name="now"/>; null unless <paramref name="month"/>
    /// is open at <paramref name="now"/> (begun and not ended) in <paramref name="zone"/>.
    /// </summary>
    public static TimePeriod? InPreviousMonth(Month month, TimeZoneInfo zone, DateTimeOffset now)
    {
        var current = ZonedCalendar.PeriodOf(month, zone);
        if (!current.Contains(now)) return null;
        var previous = ZonedCalendar.PeriodOf(month.Previous(), zone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (local.Day > month.Previous().DayCount) return previous;
        var sameWallTime = new DateTime(month.Previous().Year, month.Previous().Number, local.Day, 0, 0, 0, DateTimeKind.Unspecified) + local.TimeOfDay;
        var end = FirstInstantAtOrAfter(sameWallTime, zone);
        return new TimePeriod(previous.Start, end < previous.End ? end : previous.End);
    }

    /// <summary>The first instant whose wall-clock time in <paramref name="zone"/> is at or after <paramref name="local"/>.</summary>
    private static DateTimeOffset FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        if (!zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        // In a gap the wall clock jumps over local: the first instant past it is the jump, where the
        // clock shows the gap's end. Transitions fall on whole minutes, so walk minutes to the first valid one.
        var after = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(after)) after = after.AddMinutes(1);
        return new DateTimeOffset(after, zone.GetUtcOffset(after));
    }
}
