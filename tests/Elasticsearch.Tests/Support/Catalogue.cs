using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>
/// Every figure of the report catalogue (src/Analytics/Reports), for the listed month March 2026 of the
/// hand-made dataset's environment (Europe/Paris, a DST change in the month), plus custom slices that
/// between them use every filter criterion, measure and shape of the query model.
/// </summary>
public static class Catalogue
{
    private static readonly Period March2026 = MarchContext.Period;

    private static EventFilter Month => MarchContext.Filter();

    public static IReadOnlyDictionary<string, IReadOnlyList<ReportQuery>> Entries { get; } = new SortedDictionary<string, IReadOnlyList<ReportQuery>>(StringComparer.Ordinal)
    {
        ["summary"] = SummaryFigures.Report(MarchContext).Queries,
        ["summary-include-bulk"] = SummaryFigures.Report(MarchContext, includeBulk: true).Queries,
        ["engagement"] = EngagementFigures.Report(MarchContext).Queries,
        ["engagement-include-bulk-limit-25"] = EngagementFigures.TopEngagedUsers(MarchContext, limit: 25, includeBulk: true).Queries,
        ["search"] = SearchFigures.Report(MarchContext).Queries,
        ["downloads"] = DownloadFigures.Report(MarchContext).Queries,
        ["downloads-include-bulk"] = DownloadFigures.Report(MarchContext, includeBulk: true).Queries,
        ["collections"] = CollectionFigures.Report(MarchContext).Queries,
        ["asset-insights"] = AssetInsightFigures.ForAsset(MarchContext, "a1").Queries,
        ["asset-insights-custom-period"] = AssetInsightFigures.ForAsset(MarchContext, "a1", new Period(T("2026-03-02T09:30:15.123+01:00"), T("2026-03-20T00:00:00Z"))).Queries,
        ["performance-trend-day"] = AssetInsightFigures.PerformanceTrend(MarchContext, "a1", Granularity.Day).Queries,
        ["performance-trend-week"] = AssetInsightFigures.PerformanceTrend(MarchContext, "a1", Granularity.Week).Queries,
        ["performance-trend-month"] = AssetInsightFigures.PerformanceTrend(MarchContext, "a1", Granularity.Month, new Period(T("2025-10-01T00:00:00+02:00"), T("2026-04-01T00:00:00+02:00"))).Queries,
        ["folder-insights"] = FolderInsightFigures.Page(MarchContext, "photos/2026").Queries,
        ["custom-every-filter"] =
        [
            new(Month with
            {
                Types = [EventType.Search, EventType.Download],
                Users = ["bob", "alice"],
                Assets = ["a1"],
                FolderPrefix = "photos",
                Collections = ["c1"],
                SearchKinds = [SearchKind.Text, SearchKind.VisualText],
                Channels = [UsageChannel.Social],
                BulkDownloads = BulkDownloads.Only,
                ZeroResultsOnly = true,
                Preset = true,
            }, Measure.Events, TotalShape.Instance),
            new(Month with { Types = [EventType.CollectionDownloaded], Preset = false }, Measure.Events, TotalShape.Instance),
        ],
        ["custom-measures"] =
        [
            new(Month, Measure.DistinctUsers, TotalShape.Instance),
            new(Month, Measure.DistinctAssets, TotalShape.Instance),
            new(Month, Measure.DistinctSessions, TotalShape.Instance),
            new(Month, Measure.DistinctCollections, TotalShape.Instance),
            new(Month with { Types = [EventType.AssetRated] }, Measure.RatingSum, TotalShape.Instance),
            new(Month, Measure.Weighted(new Dictionary<EventType, int> { [EventType.AssetImpression] = 1, [EventType.AssetClick] = 10 }), TotalShape.Instance),
            new(Month, Measure.SessionsConverted(EventType.Search, EventType.Download), TotalShape.Instance),
        ],
        ["custom-top-shapes"] =
        [
            new(Month, Measure.Events, new TopShape(Dimension.FilterPair, 5)),
            new(Month, Measure.DistinctUsers, new TopShape(Dimension.Channel, 4)),
            new(Month, Measure.DistinctSessions, new TopShape(Dimension.EventType, 11, breakDownByType: true)),
            new(Month, Measure.Events, new TopShape(Dimension.Session, null)),
            new(Month, Measure.RatingSum, new TopShape(Dimension.Collection, 3)),
            new(Month, Measure.Events, new TopShape(Dimension.ReferenceImage, 10)),
            new(Month, Measure.Events, new TopShape(Dimension.Expression, 10)),
        ],
        ["custom-histograms"] =
        [
            new(Month, Measure.DistinctUsers, new HistogramShape(Granularity.Day, "Europe/Paris")),
            new(new EventFilter(Acme.Id, new Period(T("2025-04-01T00:00:00+02:00"), March2026.To)), Measure.RatingSum, new HistogramShape(Granularity.Month, "America/New_York")),
        ],
    };
}
