namespace GraphReports.Analytics.Reports;

/// <summary>Every month-level section of the catalogue for one environment and month (the "whole dashboard").</summary>
public sealed record DashboardReport(
    SummaryReport Summary,
    EngagementReport Engagement,
    SearchReport Search,
    DownloadsReport Downloads,
    CollectionsReport Collections);

/// <summary>The whole dashboard as one figure: one batch, one store call.</summary>
public static class DashboardFigures
{
    public static Figure<DashboardReport> Report(ReportContext context, int limit = Figures.DefaultLimit, bool includeBulk = false)
    {
        var c = Figure.Compose();
        var summary = c.Add(SummaryFigures.Report(context, includeBulk));
        var engagement = c.Add(EngagementFigures.Report(context, limit, includeBulk));
        var search = c.Add(SearchFigures.Report(context, limit));
        var downloads = c.Add(DownloadFigures.Report(context, limit, includeBulk));
        var collections = c.Add(CollectionFigures.Report(context, limit));
        return c.Build("dashboard", r => new DashboardReport(
            summary.Read(r), engagement.Read(r), search.Read(r), downloads.Read(r), collections.Read(r)));
    }
}
