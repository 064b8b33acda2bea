using GraphReports.Analytics.Queries;
using static GraphReports.Analytics.Reports.Figures;

namespace GraphReports.Analytics.Reports;

/// <summary>REPORTS.md §3 "Downloads" (media library; bulk left out unless <c>includeBulk</c>).</summary>
public sealed record DownloadsReport(
    ReportHeader Header,
    bool IncludeBulk,
    IReadOnlyList<RankedItem> TopAssets,
    IReadOnlyList<TrendPoint> UniqueAssetsTrend,
    IReadOnlyList<TrendPoint> TotalDownloadsTrend,
    IReadOnlyList<TrendPoint> DownloadersTrend);

/// <summary>The download figures, declared once in the query model.</summary>
public static class DownloadFigures
{
    public static Figure<IReadOnlyList<RankedItem>> TopAssets(ReportContext context, int limit = DefaultLimit, bool includeBulk = false) =>
        Top("topDownloadedAssets", SummaryFigures.MediaLibraryDownloads(context.Filter(), includeBulk), Dimension.Asset, limit);

    public static Figure<IReadOnlyList<TrendPoint>> UniqueAssetsTrend(ReportContext context, bool includeBulk = false) =>
        Trend("uniqueAssetsTrend", context, f => SummaryFigures.MediaLibraryDownloads(f, includeBulk), Measure.DistinctAssets);

    public static Figure<IReadOnlyList<TrendPoint>> TotalDownloadsTrend(ReportContext context, bool includeBulk = false) =>
        Trend("totalDownloadsTrend", context, f => SummaryFigures.MediaLibraryDownloads(f, includeBulk), Measure.Events);

    public static Figure<IReadOnlyList<TrendPoint>> DownloadersTrend(ReportContext context, bool includeBulk = false) =>
        Trend("downloadersTrend", context, f => SummaryFigures.MediaLibraryDownloads(f, includeBulk), Measure.DistinctUsers);

    public static Figure<DownloadsReport> Report(ReportContext context, int limit = DefaultLimit, bool includeBulk = false)
    {
        var c = Figure.Compose();
        var top = c.Add(TopAssets(context, limit, includeBulk));
        var unique = c.Add(UniqueAssetsTrend(context, includeBulk));
        var total = c.Add(TotalDownloadsTrend(context, includeBulk));
        var downloaders = c.Add(DownloadersTrend(context, includeBulk));
        return c.Build("downloads", r => new DownloadsReport(
            new ReportHeader(context.Month, context.IsClosed, r.ApproximateFigures), includeBulk,
            top.Read(r), unique.Read(r), total.Read(r), downloaders.Read(r)));
    }
}
