namespace GraphReports.Analytics.Time;

/// <summary>
/// Calendar arithmetic in an environment's time zone (REPORTS.md §2), daylight-saving changes included.
/// </summary>
/// <remarks>
/// A day (and so a month or a week) starts at the first instant whose local date is that day. In most
/// zones that is local midnight; where midnight does not exist on a DST day (America/Santiago,
/// Asia/Beirut, America/Asuncion on 2017-10-01: clocks jump from 00:00 to 01:00), it is the instant of
/// the jump, shown locally as 01:00;
/// where midnight happens twice (clocks fall back from 01:00 to 00:00), it is the first of the two.
/// Periods are half-open: a month ends where the next one starts, so every instant is in exactly one.
/// </remarks>
public static class ZonedCalendar
{
    /// <summary>The first instant whose local date in <paramref name="zone"/> is <paramref name="day"/>, with the zone's offset at that instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        // Fast path: local midnight with the offset the zone gives it (the earlier one when midnight
        // happens twice; the standard one when it falls in a gap, which lands exactly on the jump).
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        var candidate = new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
        if (IsFirstInstantOf(day, candidate, zone)) return TimeZoneInfo.ConvertTime(candidate, zone);

        // TimeZoneInfo's gap detection (IsInvalidTime) is wrong for some transitions at midnight on a
        // month's first day (America/Asuncion 2017-10-01), while its UTC-to-local conversion is right.
        // So search, by whole seconds (every transition is on one), the first instant whose local date
        // is the day, within the widest offsets that exist (±14 h) plus the widest jump (a day).
        var low = local.Ticks / TimeSpan.TicksPerSecond - 39 * 3600L;
        var high = local.Ticks / TimeSpan.TicksPerSecond + 15 * 3600L;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (DateOf(new DateTimeOffset(mid * TimeSpan.TicksPerSecond, TimeSpan.Zero), zone) >= day) high = mid;
            else low = mid + 1;
        }
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(low * TimeSpan.TicksPerSecond, TimeSpan.Zero), zone);
    }

    private static bool IsFirstInstantOf(DateOnly day, DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOf(instant, zone) == day && DateOf(instant.AddTicks(-1), zone) < day;

    /// <summary>The instants of <paramref name="month"/> in <paramref name="zone"/>: <c>[first instant of the 1st, first instant of the next month's 1st)</c>.</summary>
    public static TimePeriod PeriodOf(Month month, TimeZoneInfo zone) =>
        new(StartOfDay(month.FirstDay, zone), StartOfDay(month.Next().FirstDay, zone));

    /// <summary>The instants of the local <paramref name="day"/>.</summary>
    public static TimePeriod PeriodOf(DateOnly day, TimeZoneInfo zone) =>
        new(StartOfDay(day, zone), StartOfDay(day.AddDays(1), zone));

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The month <paramref name="instant"/> falls in, in <paramref name="zone"/>.</summary>
    public static Month MonthOf(DateTimeOffset instant, TimeZoneInfo zone) => Month.Of(DateOf(instant, zone));

    /// <summary>The current month in <paramref name="zone"/>: the listed month when a report names none.</summary>
    public static Month CurrentMonth(TimeProvider clock, TimeZoneInfo zone) => MonthOf(clock.GetUtcNow(), zone);

    /// <summary>Whether <paramref name="month"/> has ended in <paramref name="zone"/> (its answers may then be cached).</summary>
    public static bool IsClosed(Month month, TimeZoneInfo zone, TimeProvider clock) =>
        clock.GetUtcNow() >= PeriodOf(month, zone).End;
}
