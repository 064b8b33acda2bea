using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The month (in its environment's zone) of each event the writer stores. The last month seen per
/// environment is kept as a UTC tick range, so the usual event (same month as the one before) costs
/// two comparisons instead of a zone conversion.
/// </summary>
internal sealed class TouchedMonths(Func<string, TimeZoneInfo> zoneOf)
{
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long From, long To, int Month)> _lastMonth = new(StringComparer.Ordinal);

    public TimeZoneInfo ZoneOf(string environmentId)
    {
        if (!_zones.TryGetValue(environmentId, out var zone)) _zones[environmentId] = zone = zoneOf(environmentId);
        return zone;
    }

    /// <returns>The month number (<see cref="MonthNumbers"/>) of <paramref name="timestamp"/> in the environment's zone.</returns>
    public int MonthOf(string environmentId, DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks;
        if (!_lastMonth.TryGetValue(environmentId, out var last) || ticks < last.From || ticks >= last.To)
        {
            var zone = ZoneOf(environmentId);
            var month = ZonedCalendar.MonthOf(timestamp, zone);
            var period = ZonedCalendar.PeriodOf(month, zone);
            _lastMonth[environmentId] = last = (period.Start.UtcTicks, period.End.UtcTicks, MonthNumbers.Of(month));
        }
        return last.Month;
    }
}
