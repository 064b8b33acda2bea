using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The day of the month (1 to 31, in a zone) of UTC instants, for the day rows of <c>report_rollup</c>. The last day
/// seen is kept as a UTC tick range, so the usual event (same day as the one before) costs two comparisons.
/// </summary>
internal sealed class LocalDays
{
    private TimeZoneInfo? _zone;
    private long _from, _to;
    private int _day;

    public int DayOf(long utcTicks, TimeZoneInfo zone)
    {
        if (!ReferenceEquals(zone, _zone) || utcTicks < _from || utcTicks >= _to)
        {
            var date = ZonedCalendar.DateOf(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone);
            var span = ZonedCalendar.PeriodOf(date, zone);
            (_zone, _from, _to, _day) = (zone, span.Start.UtcTicks, span.End.UtcTicks, date.Day);
        }
        return _day;
    }
}
