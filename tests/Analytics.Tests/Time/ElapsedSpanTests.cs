using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Time;

/// <summary>
/// The previous month's span that an open month is compared with "to date": same local day and
/// wall-clock time, from the previous month's first instant. Every expected instant is counted by hand.
/// </summary>
public class ElapsedSpanTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.Find("America/New_York");
    private static readonly TimeZoneInfo Utc = TimeZones.Find("UTC");

    private static DateTimeOffset At(string s) => DateTimeOffset.Parse(s).ToUniversalTime();

    private static TimePeriod Span(string month, TimeZoneInfo zone, string now) =>
        ElapsedSpan.InPreviousMonth(Month.Parse(month), zone, At(now)) ?? throw new Xunit.Sdk.XunitException("no span for an open month");

    [Fact]
    public void On_2_December_at_10_30_in_Berlin_November_counts_up_to_2_November_10_30()
    {
        var span = Span("2026-12", Berlin, "2026-12-02T10:30:00+01:00");
        Assert.Equal(At("2026-11-01T00:00:00+01:00"), span.Start);
        Assert.Equal(At("2026-11-02T10:30:00+01:00"), span.End);
    }

    [Fact]
    public void After_the_autumn_change_in_Berlin_the_span_keeps_the_wall_clock_not_the_elapsed_hours()
    {
        // 26 October 2026 12:00 CET; clocks went back on 25 October, so 25 days and 13 hours have
        // elapsed since 1 October 00:00 CEST. September is taken to 26 September 12:00 CEST (+02:00),
        // 25 days and 12 hours: the same day and hour, one hour less.
        var now = At("2026-10-26T12:00:00+01:00");
        var span = Span("2026-10", Berlin, "2026-10-26T12:00:00+01:00");
        Assert.Equal(At("2026-09-01T00:00:00+02:00"), span.Start);
        Assert.Equal(At("2026-09-26T12:00:00+02:00"), span.End);
        Assert.Equal(TimeSpan.FromHours(25 * 24 + 13), now - At("2026-10-01T00:00:00+02:00"));
        Assert.Equal(TimeSpan.FromHours(25 * 24 + 12), span.Duration);
    }

    [Fact]
    public void After_the_spring_change_in_New_York_February_counts_to_the_same_day_and_hour_in_standard_time()
    {
        // 10 March 2026 12:00 EDT (clocks went forward on 8 March): February to 10 February 12:00 EST.
        var span = Span("2026-03", NewYork, "2026-03-10T12:00:00-04:00");
        Assert.Equal(At("2026-02-01T00:00:00-05:00"), span.Start);
        Assert.Equal(At("2026-02-10T12:00:00-05:00"), span.End);
    }

    [Fact]
    public void A_wall_time_that_the_previous_month_skipped_ends_the_span_at_the_jump()
    {
        // 8 April 02:30 EDT; on 8 March New York jumped from 02:00 EST to 03:00 EDT (07:00Z).
        var span = Span("2026-04", NewYork, "2026-04-08T02:30:00-04:00");
        Assert.Equal(At("2026-03-08T07:00:00Z"), span.End);
    }

    [Fact]
    public void A_wall_time_that_the_previous_month_had_twice_ends_the_span_at_its_first_occurrence()
    {
        // 1 December 01:30 EST; on 1 November 01:30 happened at 05:30Z (EDT) and again at 06:30Z (EST).
        var span = Span("2026-12", NewYork, "2026-12-01T01:30:00-05:00");
        Assert.Equal(At("2026-11-01T00:00:00-04:00"), span.Start);
        Assert.Equal(At("2026-11-01T05:30:00Z"), span.End);
    }

    [Fact]
    public void When_the_previous_month_is_shorter_its_whole_month_is_the_span()
    {
        var span = Span("2026-03", Utc, "2026-03-30T12:00:00Z");
        Assert.Equal(At("2026-02-01T00:00:00Z"), span.Start);
        Assert.Equal(At("2026-03-01T00:00:00Z"), span.End);
        // In Berlin the same day: 30 March is past February's 28 days as well.
        Assert.Equal(ZonedCalendar.PeriodOf(Month.Parse("2026-02"), Berlin), Span("2026-03", Berlin, "2026-03-30T12:00:00+02:00"));
    }

    [Fact]
    public void On_29_March_of_a_leap_year_February_counts_to_its_29th()
    {
        var span = Span("2028-03", Utc, "2028-03-29T08:00:00Z");
        Assert.Equal(At("2028-02-29T08:00:00Z"), span.End);
    }

    [Fact]
    public void Half_an_hour_into_January_December_counts_its_first_half_hour()
    {
        var span = Span("2027-01", Utc, "2027-01-01T00:30:00Z");
        Assert.Equal(At("2026-12-01T00:00:00Z"), span.Start);
        Assert.Equal(At("2026-12-01T00:30:00Z"), span.End);
    }

    [Fact]
    public void At_the_first_instant_of_a_month_the_span_is_empty()
    {
        var span = Span("2026-12", Berlin, "2026-12-01T00:00:00+01:00");
        Assert.Equal(span.Start, span.End);
        Assert.Equal(At("2026-11-01T00:00:00+01:00"), span.Start);
    }

    [Fact]
    public void A_closed_or_not_yet_begun_month_has_no_span()
    {
        Assert.Null(ElapsedSpan.InPreviousMonth(Month.Parse("2026-11"), Berlin, At("2026-12-02T10:30:00+01:00")));
        Assert.Null(ElapsedSpan.InPreviousMonth(Month.Parse("2027-01"), Berlin, At("2026-12-02T10:30:00+01:00")));
        // 30 November 23:30Z is already 1 December 00:30 in Berlin: November is closed there.
        Assert.Null(ElapsedSpan.InPreviousMonth(Month.Parse("2026-11"), Berlin, At("2026-11-30T23:30:00Z")));
        Assert.NotNull(ElapsedSpan.InPreviousMonth(Month.Parse("2026-11"), Utc, At("2026-11-30T23:30:00Z")));
    }
}
