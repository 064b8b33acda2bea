using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Queries;

/// <summary>The bucket boundaries of a <see cref="HistogramShape"/>, shared by every store so they agree.</summary>
public static class HistogramBuckets
{
    /// <summary>
    /// Start instants of every bucket covering <paramref name="period"/>, plus the end of the last
    /// bucket (so bucket i is <c>[result[i], result[i+1])</c>). An empty period has no bucket.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Boundaries(Period period, Interval interval, TimeZoneInfo zone)
    {
        var result = new List<DateTimeOffset>();
        if (period.To <= period.From) return result;
        var localStart = TimeZoneInfo.ConvertTime(period.From, zone).DateTime.Date;
        var date = interval switch
        {
            Interval.Day => localStart,
            Interval.Week => localStart.AddDays(-(((int)localStart.DayOfWeek + 6) % 7)),
            Interval.Month => new DateTime(localStart.Year, localStart.Month, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(interval)),
        };
        while (true)
        {
            var start = LocalTimes.StartOfLocalDay(date, zone);
            result.Add(start);
            if (start >= period.To) break;
            date = interval switch { Interval.Day => date.AddDays(1), Interval.Week => date.AddDays(7), _ => date.AddMonths(1) };
        }
        return result;
    }
}
