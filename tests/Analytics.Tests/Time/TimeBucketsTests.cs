using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Time;

public class TimeBucketsTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    [Fact]
    public void Weeks_start_on_Monday_and_carry_their_ISO_week_label()
    {
        // Sunday 29 March 2026 23:30 in Berlin is in the week of Monday 23 March (ISO week 13).
        var sunday = DateTimeOffset.Parse("2026-03-29T23:30:00+02:00");
        var key = TimeBuckets.KeyOf(sunday, Granularity.Week, Berlin);
        Assert.Equal(new DateOnly(2026, 3, 23), key);
        var week = TimeBuckets.Bucket(key, Granularity.Week, Berlin);
        Assert.Equal("2026-W13", week.Label);
        Assert.Equal(TimeSpan.FromHours(7 * 24 - 1), week.Period.Duration); // the week holds the spring-forward day
    }

    [Fact]
    public void The_first_days_of_January_can_belong_to_the_previous_ISO_year()
    {
        var bucket = TimeBuckets.Bucket(TimeBuckets.FirstDayOf(new DateOnly(2027, 1, 2), Granularity.Week), Granularity.Week, TimeZoneInfo.Utc);
        Assert.Equal(new DateOnly(2026, 12, 28), bucket.FirstDay);
        Assert.Equal("2026-W53", bucket.Label);
    }

    [Fact]
    public void Daily_buckets_cover_a_month_with_every_day_present_across_a_DST_change()
    {
        var march = ZonedCalendar.PeriodOf(Month.Parse("2026-03"), Berlin);
        var days = TimeBuckets.Cover(march, Granularity.Day, Berlin);
        Assert.Equal(31, days.Count);
        Assert.Equal("2026-03-01", days[0].Label);
        Assert.Equal("2026-03-31", days[^1].Label);
        Assert.Equal(TimeSpan.FromHours(23), days[28].Period.Duration); // 29 March
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.Equal(pair.First.Period.End, pair.Second.Period.Start));
    }

    [Fact]
    public void Weekly_buckets_of_a_month_include_the_weeks_that_overlap_it()
    {
        var weeks = TimeBuckets.Cover(ZonedCalendar.PeriodOf(Month.Parse("2026-03"), Berlin), Granularity.Week, Berlin);
        Assert.Equal(["2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14"], weeks.Select(w => w.Label));
        Assert.Equal(new DateOnly(2026, 2, 23), weeks[0].FirstDay);
    }

    [Fact]
    public void Monthly_buckets_are_labelled_like_months()
    {
        var period = new TimePeriod(ZonedCalendar.PeriodOf(Month.Parse("2025-11"), Berlin).Start, ZonedCalendar.PeriodOf(Month.Parse("2026-02"), Berlin).End);
        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], TimeBuckets.Cover(period, Granularity.Month, Berlin).Select(b => b.Label));
    }
}
