using System.Text.Json;
using GraphReports.Analytics.Events;
using static GraphReports.Api.Tests.Reports.SmallDataset;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// The summary's to-date figures and the trends' <c>partial</c> flag, over events counted by hand.
/// ACME is in Europe/Berlin and is asked on 26 October 2026 at 12:00 CET (11:00Z), the day after
/// clocks went back: September is compared up to 26 September 12:00 CEST (10:00Z), on the wall clock.
/// </summary>
public sealed class ToDateThroughGraphQLTests : IDisposable
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1), Cest = TimeSpan.FromHours(2);
    private static readonly DateTimeOffset Now = At(2026, 10, 26, 12, 0, Cet);

    private readonly ReportTestHost _host = new(Now);

    public ToDateThroughGraphQLTests()
    {
        _host.Write("acme",
            // September: 3 searches inside the to-date span, 3 after it.
            Search("u1", "s1", At(2026, 9, 1, 0, 0, Cest), Text("first instant")),
            Search("u1", "s1", At(2026, 9, 25, 18, 0, Cest), Text("inside")),
            Search("u2", "s2", At(2026, 9, 26, 11, 59, Cest), Text("last minute inside")),
            Search("u2", "s2", At(2026, 9, 26, 12, 0, Cest), Text("the span's end, excluded")),
            // 12:30 CEST: inside "25 days and 13 hours" of elapsed time, outside the same wall-clock time.
            Search("u3", "s3", At(2026, 9, 26, 12, 30, Cest), Text("an hour-rule would count this")),
            Search("u3", "s3", At(2026, 9, 30, 23, 59, Cest), Text("last minute of September")),
            // October so far: 4 searches by u1 and u4.
            Search("u1", "s4", At(2026, 10, 1, 0, 0, Cest), Text("october")),
            Search("u1", "s4", At(2026, 10, 20, 9, 0, Cest), Text("october")),
            Search("u4", "s5", At(2026, 10, 25, 2, 30, Cet), Text("after the change")),
            Search("u4", "s5", At(2026, 10, 26, 11, 0, Cet), Text("this morning")));
    }

    public void Dispose() => _host.Dispose();

    private static SearchDetails Text(string text) => new(SearchKind.Text, Text: text, Results: 1);

    private const string Query = """
        query($month: Month) {
          environment {
            summary(month: $month) {
              month closed previousToDateUntil
              searches { ...F } activeUsers { ...F } uploads { ...F }
            }
            search(month: $month) { searchesTrend { month value partial } }
          }
        }
        fragment F on Figure { current previous change changePercent previousToDate changeToDate changePercentToDate }
        """;

    private async Task<JsonElement> Environment(string? month) =>
        (await _host.DataAsync(ReportTestHost.AcmeKey, Query, new { month })).GetProperty("environment");

    [Fact]
    public async Task The_open_month_is_compared_with_the_previous_month_up_to_the_same_day_and_wall_clock_time()
    {
        var summary = (await Environment(null)).GetProperty("summary");
        Assert.Equal("2026-10", summary.GetProperty("month").GetString());
        Assert.False(summary.GetProperty("closed").GetBoolean());
        Assert.Equal("2026-09-26T12:00:00+02:00", summary.GetProperty("previousToDateUntil").GetString());

        var searches = summary.GetProperty("searches");
        Assert.Equal(4, searches.GetProperty("current").GetInt32());
        Assert.Equal(6, searches.GetProperty("previous").GetInt32());
        Assert.Equal(-2, searches.GetProperty("change").GetInt32());
        Assert.Equal(3, searches.GetProperty("previousToDate").GetInt32());
        Assert.Equal(1, searches.GetProperty("changeToDate").GetInt32());
        Assert.Equal(100.0 / 3, searches.GetProperty("changePercentToDate").GetDouble(), 9);

        // Distinct users: u1 and u4 in October; u1 and u2 in September's span (u3 only after it).
        var active = summary.GetProperty("activeUsers");
        Assert.Equal(2, active.GetProperty("current").GetInt32());
        Assert.Equal(3, active.GetProperty("previous").GetInt32());
        Assert.Equal(2, active.GetProperty("previousToDate").GetInt32());
        Assert.Equal(0, active.GetProperty("changeToDate").GetInt32());
        Assert.Equal(0.0, active.GetProperty("changePercentToDate").GetDouble());

        // No upload in either span: the percent change is null, not infinite.
        var uploads = summary.GetProperty("uploads");
        Assert.Equal(0, uploads.GetProperty("previousToDate").GetInt32());
        Assert.Equal(JsonValueKind.Null, uploads.GetProperty("changePercentToDate").ValueKind);
    }

    [Fact]
    public async Task A_closed_month_has_no_to_date_figures()
    {
        var summary = (await Environment("2026-09")).GetProperty("summary");
        Assert.True(summary.GetProperty("closed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("previousToDateUntil").ValueKind);
        var searches = summary.GetProperty("searches");
        Assert.Equal(6, searches.GetProperty("current").GetInt32());
        foreach (var field in new[] { "previousToDate", "changeToDate", "changePercentToDate" })
            Assert.Equal(JsonValueKind.Null, searches.GetProperty(field).ValueKind);
    }

    [Fact]
    public async Task Only_the_open_month_of_a_trend_is_partial_and_it_keeps_its_whole_value_so_far()
    {
        var trend = (await Environment(null)).GetProperty("search").GetProperty("searchesTrend").EnumerateArray().ToArray();
        Assert.Equal(12, trend.Length);
        Assert.Equal("2026-10", trend[^1].GetProperty("month").GetString());
        Assert.True(trend[^1].GetProperty("partial").GetBoolean());
        Assert.Equal(4, trend[^1].GetProperty("value").GetInt32());
        Assert.Equal(6, trend[^2].GetProperty("value").GetInt32());
        Assert.All(trend[..^1], p => Assert.False(p.GetProperty("partial").GetBoolean()));

        var closed = (await Environment("2026-09")).GetProperty("search").GetProperty("searchesTrend").EnumerateArray();
        Assert.All(closed, p => Assert.False(p.GetProperty("partial").GetBoolean()));
    }

    [Fact]
    public async Task In_New_York_on_the_first_day_of_a_month_the_span_is_the_previous_month_first_hours()
    {
        // 1 December 2026 09:00 EST: November is compared from 1 November 00:00 EDT to 09:00 EST,
        // ten hours of wall clock (clocks went back at 02:00 that day), eleven hours elapsed.
        _host.Clock.Now = At(2026, 12, 1, 9, 0, TimeSpan.FromHours(-5));
        var edt = TimeSpan.FromHours(-4);
        var est = TimeSpan.FromHours(-5);
        _host.Write("globex",
            Search("g1", "gs1", At(2026, 11, 1, 0, 30, edt), Text("inside")),
            Search("g1", "gs1", At(2026, 11, 1, 8, 59, est), Text("inside, after the change")),
            Search("g1", "gs1", At(2026, 11, 1, 9, 0, est), Text("the span's end")),
            Search("g2", "gs2", At(2026, 12, 1, 8, 0, est), Text("december")));
        var summary = (await _host.DataAsync(ReportTestHost.GlobexKey, Query, new { month = (string?)null }))
            .GetProperty("environment").GetProperty("summary");
        Assert.Equal("2026-11-01T09:00:00-05:00", summary.GetProperty("previousToDateUntil").GetString());
        var searches = summary.GetProperty("searches");
        Assert.Equal(1, searches.GetProperty("current").GetInt32());
        Assert.Equal(3, searches.GetProperty("previous").GetInt32());
        Assert.Equal(2, searches.GetProperty("previousToDate").GetInt32());
        Assert.Equal(-50.0, searches.GetProperty("changePercentToDate").GetDouble(), 9);
    }
}
