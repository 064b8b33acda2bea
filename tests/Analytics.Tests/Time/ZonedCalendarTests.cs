using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Time;

public class ZonedCalendarTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.Find("America/New_York");
    private static readonly TimeZoneInfo Santiago = TimeZones.Find("America/Santiago");
    private static readonly TimeZoneInfo Beirut = TimeZones.Find("Asia/Beirut");
    private static readonly TimeZoneInfo Asuncion = TimeZones.Find("America/Asuncion");

    private static DateTimeOffset Utc(string s) => DateTimeOffset.Parse(s).ToUniversalTime();

    [Fact]
    public void A_Berlin_month_starts_at_local_midnight_in_winter_and_in_summer_time()
    {
        var march = ZonedCalendar.PeriodOf(Month.Parse("2026-03"), Berlin);
        Assert.Equal(Utc("2026-02-28T23:00:00Z"), march.Start); // CET, +01:00
        Assert.Equal(Utc("2026-03-31T22:00:00Z"), march.End);   // CEST since 29 March, +02:00
        Assert.Equal(TimeSpan.FromHours(2), march.End.Offset);
        Assert.Equal(TimeSpan.FromHours(31 * 24 - 1), march.Duration);
    }

    [Fact]
    public void An_event_at_23_30_on_the_last_day_belongs_to_that_month_in_Berlin_but_to_the_next_in_UTC()
    {
        var lateEvening = DateTimeOffset.Parse("2026-03-31T23:30:00+02:00"); // 21:30 UTC
        Assert.Equal(Month.Parse("2026-03"), ZonedCalendar.MonthOf(lateEvening, Berlin));
        Assert.True(ZonedCalendar.PeriodOf(Month.Parse("2026-03"), Berlin).Contains(lateEvening));

        var afterMidnight = DateTimeOffset.Parse("2026-04-01T00:30:00+02:00"); // still 31 March in UTC
        Assert.Equal(Month.Parse("2026-04"), ZonedCalendar.MonthOf(afterMidnight, Berlin));
        Assert.Equal(Month.Parse("2026-03"), ZonedCalendar.MonthOf(afterMidnight, TimeZoneInfo.Utc));
    }

    [Fact]
    public void The_New_York_day_when_summer_time_ends_lasts_25_hours_and_November_starts_before_it()
    {
        var day = ZonedCalendar.PeriodOf(new DateOnly(2026, 11, 1), NewYork);
        Assert.Equal(Utc("2026-11-01T04:00:00Z"), day.Start); // EDT, -04:00
        Assert.Equal(Utc("2026-11-02T05:00:00Z"), day.End);   // EST, -05:00
        Assert.Equal(TimeSpan.FromHours(25), day.Duration);
        Assert.Equal(Utc("2026-11-01T04:00:00Z"), ZonedCalendar.PeriodOf(Month.Parse("2026-11"), NewYork).Start);
        Assert.Equal(Utc("2026-12-01T05:00:00Z"), ZonedCalendar.PeriodOf(Month.Parse("2026-11"), NewYork).End);
    }

    [Fact]
    public void A_Santiago_day_whose_midnight_does_not_exist_starts_at_the_jump_to_01_00()
    {
        // Chile moves from -04:00 to -03:00 at midnight on 6 September 2026: 00:00-00:59 never happen.
        var day = ZonedCalendar.PeriodOf(new DateOnly(2026, 9, 6), Santiago);
        Assert.Equal(Utc("2026-09-06T04:00:00Z"), day.Start);
        Assert.Equal(new TimeOnly(1, 0), TimeOnly.FromDateTime(day.Start.DateTime));
        Assert.Equal(TimeSpan.FromHours(23), day.Duration);
        Assert.Equal(new DateOnly(2026, 9, 5), ZonedCalendar.DateOf(day.Start.AddTicks(-1), Santiago));
    }

    [Fact]
    public void A_Beirut_day_whose_midnight_does_not_exist_starts_at_the_jump()
    {
        var day = ZonedCalendar.PeriodOf(new DateOnly(2026, 3, 29), Beirut);
        Assert.Equal(Utc("2026-03-28T22:00:00Z"), day.Start); // 00:00 +02:00 is skipped to 01:00 +03:00
        Assert.Equal(TimeSpan.FromHours(23), day.Duration);
    }

    [Fact]
    public void A_month_whose_first_midnight_does_not_exist_starts_at_the_first_instant_of_its_first_day()
    {
        // Paraguay jumped from 00:00 -04:00 to 01:00 -03:00 on Sunday 1 October 2017.
        var october = ZonedCalendar.PeriodOf(Month.Parse("2017-10"), Asuncion);
        Assert.Equal(Utc("2017-10-01T04:00:00Z"), october.Start);
        Assert.Equal(Month.Parse("2017-09"), ZonedCalendar.MonthOf(Utc("2017-10-01T03:59:59Z"), Asuncion));
        Assert.Equal(Month.Parse("2017-10"), ZonedCalendar.MonthOf(Utc("2017-10-01T04:00:00Z"), Asuncion));
        Assert.Equal(october.Start, ZonedCalendar.PeriodOf(Month.Parse("2017-09"), Asuncion).End);
    }

    [Fact]
    public void Month_of_and_period_of_agree_on_every_hour_of_a_year_in_DST_zones()
    {
        foreach (var zone in new[] { Berlin, NewYork, Santiago, Beirut, Asuncion })
        {
            for (var t = Utc("2017-01-01T00:00:00Z"); t < Utc("2018-01-01T00:00:00Z"); t = t.AddMinutes(30))
            {
                var month = ZonedCalendar.MonthOf(t, zone);
                Assert.True(ZonedCalendar.PeriodOf(month, zone).Contains(t), $"{zone.Id} {t:O} in {month}");
            }
        }
    }

    [Fact]
    public void The_current_month_and_whether_a_month_is_closed_depend_on_the_zone()
    {
        // 1 April 2026 00:30 in Berlin is still 31 March in New York.
        var clock = new FixedClock(Utc("2026-03-31T22:30:00Z"));
        Assert.Equal(Month.Parse("2026-04"), ZonedCalendar.CurrentMonth(clock, Berlin));
        Assert.Equal(Month.Parse("2026-03"), ZonedCalendar.CurrentMonth(clock, NewYork));
        Assert.True(ZonedCalendar.IsClosed(Month.Parse("2026-03"), Berlin, clock));
        Assert.False(ZonedCalendar.IsClosed(Month.Parse("2026-03"), NewYork, clock));
        clock.Now = Utc("2026-04-01T04:00:00Z"); // New York midnight
        Assert.True(ZonedCalendar.IsClosed(Month.Parse("2026-03"), NewYork, clock));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => TimeZones.Find("Mars/Olympus"));
        Assert.StartsWith("unknown time zone \"Mars/Olympus\": use an IANA name such as UTC, Europe/Berlin", e.Message);
        Assert.Equal(TimeZoneInfo.Utc, TimeZones.Find("UTC"));
    }
}
