using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using static GraphReports.Analytics.Reports.Figures;

namespace GraphReports.Analytics.Reports;

/// <summary>REPORTS.md §3 "Summary of the listed month": each figure with the previous month and the change.</summary>
public sealed record SummaryReport(
    ReportHeader Header,
    Comparison ActiveUsers,
    Comparison Uploads,
    Comparison Searches,
    Comparison Downloads,
    Comparison CollectionsViewed);

/// <summary>The summary's figures, declared once in the query model.</summary>
public static class SummaryFigures
{
    /// <summary>The types that make a user active or engaged: a search, a download (bulk or not) or an upload.</summary>
    public static readonly IReadOnlyList<EventType> ActivityTypes = [EventType.Search, EventType.Download, EventType.Upload];

    public static Figure<Comparison> ActiveUsers(ReportContext context) =>
        Compared("activeUsers", context, f => f with { Types = ActivityTypes }, Measure.DistinctUsers);

    public static Figure<Comparison> Uploads(ReportContext context) =>
        Compared("uploads", context, f => f with { Types = [EventType.Upload] }, Measure.Events);

    public static Figure<Comparison> Searches(ReportContext context) =>
        Compared("searches", context, f => f with { Types = [EventType.Search] }, Measure.Events);

    public static Figure<Comparison> Downloads(ReportContext context, bool includeBulk) =>
        Compared("downloads", context, f => MediaLibraryDownloads(f, includeBulk), Measure.Events);

    public static Figure<Comparison> CollectionsViewed(ReportContext context) =>
        Compared("collectionsViewed", context, f => f with { Types = [EventType.CollectionViewed] }, Measure.Events);

    public static Figure<SummaryReport> Report(ReportContext context, bool includeBulk = false)
    {
        var c = Figure.Compose();
        var active = c.Add(ActiveUsers(context));
        var uploads = c.Add(Uploads(context));
        var searches = c.Add(Searches(context));
        var downloads = c.Add(Downloads(context, includeBulk));
        var viewed = c.Add(CollectionsViewed(context));
        return c.Build("summary", r => new SummaryReport(
            new ReportHeader(context.Month, context.IsClosed, r.ApproximateFigures),
            active.Read(r), uploads.Read(r), searches.Read(r), downloads.Read(r), viewed.Read(r)));
    }

    /// <summary>Media-library downloads (<c>download</c> events), bulk left out unless <paramref name="includeBulk"/> (REPORTS.md §3).</summary>
    public static EventFilter MediaLibraryDownloads(EventFilter filter, bool includeBulk) =>
        filter with { Types = [EventType.Download], BulkDownloads = includeBulk ? BulkDownloads.Include : BulkDownloads.Exclude };
}
