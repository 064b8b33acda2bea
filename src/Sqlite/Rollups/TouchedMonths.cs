using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The (environment, month) pairs that received events in the transaction in progress: their rollups
/// go stale when it commits. Months are in each environment's zone; the last month seen per
/// environment is kept as a UTC tick range, so the usual event (same month as the one before) costs
/// two comparisons instead of a zone conversion.
/// </summary>
internal sealed class TouchedMonths(Func<string, TimeZoneInfo> zoneOf)
{
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long From, long To, int Month)> _lastMonth = new(StringComparer.Ordinal);
    private readonly HashSet<(string Env, int Month)> _touched = [];

    public IReadOnlyCollection<(string Env, int Month)> All => _touched;

    public TimeZoneInfo ZoneOf(string environmentId)
    {
        if (!_zones.TryGetValue(environmentId, out var zone)) _zones[environmentId] = zone = zoneOf(environmentId);
        return zone;
    }

    public void Add(string environmentId, DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks;
        if (!_lastMonth.TryGetValue(environmentId, out var last) || ticks < last.From || ticks >= last.To)
        {
            var zone = ZoneOf(environmentId);
            var month = ZonedCalendar.MonthOf(timestamp, zone);
            var period = ZonedCalendar.PeriodOf(month, zone);
            _lastMonth[environmentId] = last = (period.Start.UtcTicks, period.End.UtcTicks, MonthNumbers.Of(month));
        }
        _touched.Add((environmentId, last.Month));
    }

    public void Clear() => _touched.Clear();
}
