using System.Text.Json;

namespace GraphReports.Api.Tests.Reports;

/// <summary>The summary of <see cref="SmallDataset"/>, asserted on the response JSON a client reads.</summary>
public sealed class SummaryThroughGraphQLTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public SummaryThroughGraphQLTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    private const string Query = """
        query($month: Month, $bulk: Boolean) {
          environment {
            summary(month: $month, includeBulk: $bulk) {
              month previousMonth closed includesBulk approximateFigures
              activeUsers { ...F } uploads { ...F } searches { ...F } downloads { ...F } collectionsViewed { ...F }
            }
          }
        }
        fragment F on Figure { current previous change changePercent }
        """;

    private static void AssertFigure(JsonElement figure, int current, int previous, double? percent)
    {
        Assert.Equal(current, figure.GetProperty("current").GetInt32());
        Assert.Equal(previous, figure.GetProperty("previous").GetInt32());
        Assert.Equal(current - previous, figure.GetProperty("change").GetInt32());
        if (percent is null) Assert.Equal(JsonValueKind.Null, figure.GetProperty("changePercent").ValueKind);
        else Assert.Equal(percent.Value, figure.GetProperty("changePercent").GetDouble(), 9);
    }

    [Fact]
    public async Task March_figures_compare_with_February_in_the_environment_time_zone()
    {
        var summary = (await _host.DataAsync(ReportTestHost.AcmeKey, Query, new { month = "2026-03" }))
            .GetProperty("environment").GetProperty("summary");

        Assert.Equal("2026-03", summary.GetProperty("month").GetString());
        Assert.Equal("2026-02", summary.GetProperty("previousMonth").GetString());
        Assert.True(summary.GetProperty("closed").GetBoolean());
        Assert.False(summary.GetProperty("includesBulk").GetBoolean());
        Assert.Equal(0, summary.GetProperty("approximateFigures").GetArrayLength());
        // u1, u2, u3 searched, downloaded or uploaded in March; only u1 (at 23:30 on 28 February) in February.
        AssertFigure(summary.GetProperty("activeUsers"), 3, 1, 200);
        // One upload in March, none in February: the percent change is null, not infinite.
        AssertFigure(summary.GetProperty("uploads"), 1, 0, null);
        AssertFigure(summary.GetProperty("searches"), 7, 1, 600);
        // Non-bulk downloads: u1's on 2 March and u3's at 23:30 on 31 March; the 1 April one (22:30Z on 31 March) is April's.
        AssertFigure(summary.GetProperty("downloads"), 2, 1, 100);
        AssertFigure(summary.GetProperty("collectionsViewed"), 3, 0, null);
    }

    [Fact]
    public async Task Include_bulk_adds_the_bulk_downloads_to_downloads_only()
    {
        var summary = (await _host.DataAsync(ReportTestHost.AcmeKey, Query, new { month = "2026-03", bulk = true }))
            .GetProperty("environment").GetProperty("summary");

        Assert.True(summary.GetProperty("includesBulk").GetBoolean());
        AssertFigure(summary.GetProperty("downloads"), 4, 1, 300);
        AssertFigure(summary.GetProperty("activeUsers"), 3, 1, 200);
    }

    [Fact]
    public async Task Without_a_month_the_summary_is_about_the_open_current_month()
    {
        var summary = (await _host.DataAsync(ReportTestHost.AcmeKey, Query))
            .GetProperty("environment").GetProperty("summary");

        Assert.Equal("2026-04", summary.GetProperty("month").GetString());
        Assert.False(summary.GetProperty("closed").GetBoolean());
        AssertFigure(summary.GetProperty("downloads"), 1, 2, -50);
    }

    [Fact]
    public async Task A_late_event_for_a_closed_month_changes_its_figures_at_once()
    {
        await _host.DataAsync(ReportTestHost.AcmeKey, Query, new { month = "2026-03" });
        _host.Write("acme", SmallDataset.Event(GraphReports.Analytics.Events.EventType.Upload, SmallDataset.At(2026, 2, 14, 9, 0, TimeSpan.FromHours(1)),
            user: "u9", session: "s9", asset: SmallDataset.Gamma, upload: new GraphReports.Analytics.Events.UploadDetails(false)));

        var summary = (await _host.DataAsync(ReportTestHost.AcmeKey, Query, new { month = "2026-03" }))
            .GetProperty("environment").GetProperty("summary");
        AssertFigure(summary.GetProperty("uploads"), 1, 1, 0);
        AssertFigure(summary.GetProperty("activeUsers"), 3, 2, 50);
    }
}
