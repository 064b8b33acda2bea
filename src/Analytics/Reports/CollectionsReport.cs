using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using static GraphReports.Analytics.Reports.Figures;

namespace GraphReports.Analytics.Reports;

/// <summary>REPORTS.md §3 "Collections".</summary>
public sealed record CollectionsReport(
    ReportHeader Header,
    IReadOnlyList<RankedItem> TopViewed,
    IReadOnlyList<RankedItem> TopDownloaded,
    IReadOnlyList<TrendPoint> ViewsTrend,
    IReadOnlyList<DownloadSplitPoint> DownloadsTrend,
    IReadOnlyList<RankedItem> TopCreators,
    IReadOnlyList<TrendPoint> CreatedTrend);

/// <summary>The collection figures, declared once in the query model.</summary>
public static class CollectionFigures
{
    private static EventFilter OfType(EventFilter f, EventType type) => f with { Types = [type] };

    public static Figure<IReadOnlyList<RankedItem>> TopViewed(ReportContext context, int limit = DefaultLimit) =>
        Top("topViewedCollections", OfType(context.Filter(), EventType.CollectionViewed), Dimension.Collection, limit);

    public static Figure<IReadOnlyList<RankedItem>> TopDownloaded(ReportContext context, int limit = DefaultLimit) =>
        Top("topDownloadedCollections", OfType(context.Filter(), EventType.CollectionDownloaded), Dimension.Collection, limit);

    public static Figure<IReadOnlyList<TrendPoint>> ViewsTrend(ReportContext context) =>
        Trend("collectionViewsTrend", context, f => OfType(f, EventType.CollectionViewed), Measure.Events);

    /// <summary>Public-collection downloads per month, split into original (no preset) and transformed (preset set).</summary>
    public static Figure<IReadOnlyList<DownloadSplitPoint>> DownloadsTrend(ReportContext context)
    {
        var c = Figure.Compose();
        var original = c.Add(Trend("original", context, f => OfType(f, EventType.CollectionDownloaded) with { Preset = false }, Measure.Events));
        var transformed = c.Add(Trend("transformed", context, f => OfType(f, EventType.CollectionDownloaded) with { Preset = true }, Measure.Events));
        return c.Build("collectionDownloadsTrend", r => (IReadOnlyList<DownloadSplitPoint>)original.Read(r)
            .Zip(transformed.Read(r), (o, t) => new DownloadSplitPoint(o.Month, o.Value, t.Value, o.Partial)).ToArray());
    }

    /// <summary>Users ranked by collections created in the month.</summary>
    public static Figure<IReadOnlyList<RankedItem>> TopCreators(ReportContext context, int limit = DefaultLimit) =>
        Top("topCollectionCreators", OfType(context.Filter(), EventType.CollectionCreated), Dimension.User, limit);

    public static Figure<IReadOnlyList<TrendPoint>> CreatedTrend(ReportContext context) =>
        Trend("collectionsCreatedTrend", context, f => OfType(f, EventType.CollectionCreated), Measure.Events);

    public static Figure<CollectionsReport> Report(ReportContext context, int limit = DefaultLimit)
    {
        var c = Figure.Compose();
        var viewed = c.Add(TopViewed(context, limit));
        var downloaded = c.Add(TopDownloaded(context, limit));
        var views = c.Add(ViewsTrend(context));
        var downloads = c.Add(DownloadsTrend(context));
        var creators = c.Add(TopCreators(context, limit));
        var created = c.Add(CreatedTrend(context));
        return c.Build("collections", r => new CollectionsReport(
            new ReportHeader(context.Month, context.IsClosed, r.ApproximateFigures),
            viewed.Read(r), downloaded.Read(r), views.Read(r), downloads.Read(r), creators.Read(r), created.Read(r)));
    }
}
