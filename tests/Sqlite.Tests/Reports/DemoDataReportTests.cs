using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>The demo data loaded at first start makes every report figure non-empty (issue 4, item 8).</summary>
public sealed class DemoDataReportTests
{
    private static readonly ProductEnvironment Demo = new("demo", "Demo", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Demo_data_makes_every_report_figure_non_empty()
    {
        var events = await GenerateAsync(20_000);
        using var db = new ReportDatabase(_ => Demo.TimeZone);
        foreach (var chunk in events.Chunk(5_000)) db.Write(Demo.Id, chunk);

        var context = ReportContext.For(Demo, null, Now);
        Assert.Equal(new Month(2026, 11), context.Month);
        var batch = new ReportBatch();
        var dashboard = batch.Add(DashboardFigures.Report(context));
        var withBulk = batch.Add(DownloadFigures.Report(context, includeBulk: true));
        await batch.ExecuteAsync(db.Store);
        var d = dashboard.Value;

        foreach (var c in new[] { d.Summary.ActiveUsers, d.Summary.Uploads, d.Summary.Searches, d.Summary.Downloads, d.Summary.CollectionsViewed })
        {
            Assert.True(c.Current > 0 && c.Previous > 0, $"summary figure {c}");
            Assert.NotNull(c.PercentChange);
        }
        Assert.NotEmpty(d.Engagement.TopEngagedUsers);
        Assert.Contains(d.Engagement.TopEngagedUsers, u => u.Searches > 0 && u.Downloads > 0);
        Assert.Contains(d.Engagement.TopEngagedUsers, u => u.Uploads > 0);
        foreach (var (name, trend) in new[]
        {
            ("engaged", d.Engagement.EngagedUsersTrend), ("sessions", d.Engagement.ActiveSessionsTrend),
            ("searches", d.Search.SearchesTrend), ("searchers", d.Search.SearchersTrend),
            ("unique assets", d.Downloads.UniqueAssetsTrend), ("downloads", d.Downloads.TotalDownloadsTrend),
            ("downloaders", d.Downloads.DownloadersTrend), ("views", d.Collections.ViewsTrend), ("created", d.Collections.CreatedTrend),
        })
            Assert.True(trend.All(p => p.Value > 0), $"{name} trend has an empty month: {string.Join(", ", trend)}");
        Assert.All(d.Collections.DownloadsTrend, p => Assert.True(p.Original > 0 && p.Transformed > 0, p.ToString()));

        Assert.NotEmpty(d.Search.TopSearches);
        Assert.NotEmpty(d.Search.TopFilterValues);
        Assert.NotEmpty(d.Search.TopExpressions);
        Assert.NotEmpty(d.Search.SimilaritySearchImages);
        Assert.NotEmpty(d.Search.TopVisualSearchTerms);
        Assert.NotEmpty(d.Search.SearchesThatFoundNothing);
        Assert.InRange(d.Search.SearchSuccessRate.Value!.Value, 0.0001, 1);
        Assert.NotEmpty(d.Downloads.TopAssets);
        Assert.True(withBulk.Value.TotalDownloadsTrend[^1].Value > d.Downloads.TotalDownloadsTrend[^1].Value, "the demo has bulk downloads");
        Assert.NotEmpty(d.Collections.TopViewed);
        Assert.NotEmpty(d.Collections.TopDownloaded);
        Assert.NotEmpty(d.Collections.TopCreators);

        // Asset insights of the most shown asset, and the folder view of its folder.
        var shown = events.Where(e => e.Type == EventType.AssetImpression && context.Period.Contains(e.Timestamp))
            .GroupBy(e => e.Asset!.Id).OrderByDescending(g => g.Count()).First();
        var insights = await AssetInsightFigures.ForAsset(context, shown.Key).ExecuteAsync(db.Store);
        Assert.True(insights.Value.Impressions > 0);
        Assert.NotNull(insights.Value.PopularityScore);
        Assert.NotNull(insights.Value.Name);
        var performance = await AssetInsightFigures.PerformanceTrend(context, shown.Key, Granularity.Day).ExecuteAsync(db.Store);
        Assert.Contains(performance.Value, p => p.Impressions > 0);
        var folder = shown.First().Asset!.Folder!.Split('/')[0];
        var page = await FolderInsightFigures.Page(context, folder).ExecuteAsync(db.Store);
        Assert.True(page.Value.TotalCount > 0);
        Assert.Contains(page.Value.Assets, a => a.Usage.Total > 0);
        Assert.Contains(page.Value.Assets, a => a.AverageRating is not null);
    }

    private static async Task<List<ActivityEvent>> GenerateAsync(long count)
    {
        using var ndjson = new MemoryStream();
        new DemoDataGenerator(Demo, new DemoDataOptions { Events = count, Now = Now }).WriteNdjson(ndjson);
        ndjson.Position = 0;
        var import = new NdjsonImport(new EventJsonReader(new FixedTime(Now)), ndjson);
        var events = new List<ActivityEvent>();
        await foreach (var e in import.ReadEventsAsync()) events.Add(e);
        Assert.Equal(0, import.Rejected);
        return events;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
