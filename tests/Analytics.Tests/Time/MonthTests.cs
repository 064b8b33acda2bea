using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Time;

public class MonthTests
{
    [Fact]
    public void A_month_parses_from_and_prints_as_YYYY_MM()
    {
        var month = Month.Parse("2026-03");
        Assert.Equal(2026, month.Year);
        Assert.Equal(3, month.Number);
        Assert.Equal("2026-03", month.ToString());
        Assert.Equal("0987-12", new Month(987, 12).ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-3")]
    [InlineData("26-03")]
    [InlineData("2026/03")]
    [InlineData("2026-03-01")]
    [InlineData("0000-01")]
    [InlineData("")]
    public void A_malformed_month_is_refused_with_the_expected_form(string text)
    {
        var e = Assert.Throws<FormatException>(() => Month.Parse(text));
        Assert.Equal($"a month is written YYYY-MM with a month from 01 to 12, e.g. 2026-11; got \"{text}\"", e.Message);
        Assert.False(Month.TryParse(text, out _));
    }

    [Fact]
    public void Previous_and_next_cross_year_boundaries()
    {
        Assert.Equal(Month.Parse("2025-12"), Month.Parse("2026-01").Previous());
        Assert.Equal(Month.Parse("2027-01"), Month.Parse("2026-12").Next());
        Assert.Equal(Month.Parse("2024-11"), Month.Parse("2026-02").AddMonths(-15));
        Assert.Equal(15, Month.Parse("2026-02").MonthsSince(Month.Parse("2024-11")));
    }

    [Fact]
    public void Months_are_ordered_by_time()
    {
        var months = new[] { "2026-02", "2025-12", "2026-01", "2025-01" }.Select(Month.Parse).Order().Select(m => m.ToString());
        Assert.Equal(["2025-01", "2025-12", "2026-01", "2026-02"], months);
        Assert.True(Month.Parse("2025-12") < Month.Parse("2026-01"));
        Assert.True(Month.Parse("2026-01") >= Month.Parse("2026-01"));
    }

    [Fact]
    public void Month_knows_its_first_day_and_length()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), Month.Parse("2024-02").FirstDay);
        Assert.Equal(29, Month.Parse("2024-02").DayCount);
        Assert.Equal(28, Month.Parse("2026-02").DayCount);
    }

    [Fact]
    public void The_trend_window_is_the_12_months_ending_with_the_listed_month_oldest_first()
    {
        var window = TrendWindow.EndingWith(Month.Parse("2026-03"));
        Assert.Equal(12, window.Count);
        Assert.Equal("2025-04", window[0].ToString());
        Assert.Equal("2025-12", window[8].ToString());
        Assert.Equal("2026-03", window[11].ToString());
    }
}
