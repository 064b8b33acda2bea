using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using static GraphReports.Analytics.Reports.Figures;

namespace GraphReports.Analytics.Reports;

/// <summary>A user of the top engaged list with the breakdown of their total.</summary>
public sealed record EngagedUser(string User, long Searches, long Downloads, long Uploads)
{
    public long Total => Searches + Downloads + Uploads;
}

/// <summary>REPORTS.md §3 "Engagement".</summary>
public sealed record EngagementReport(
    ReportHeader Header,
    IReadOnlyList<EngagedUser> TopEngagedUsers,
    IReadOnlyList<TrendPoint> EngagedUsersTrend,
    IReadOnlyList<TrendPoint> ActiveSessionsTrend);

/// <summary>The engagement figures, declared once in the query model.</summary>
public static class EngagementFigures
{
    /// <summary>
    /// Users ranked by searches + downloads + uploads in the listed month (downloads without bulk
    /// unless <paramref name="includeBulk"/>: REPORTS.md names the engagement breakdown among the
    /// figures that count media-library downloads), each with that breakdown.
    /// </summary>
    public static Figure<IReadOnlyList<EngagedUser>> TopEngagedUsers(ReportContext context, int limit = DefaultLimit, bool includeBulk = false)
    {
        var filter = context.Filter() with
        {
            Types = SummaryFigures.ActivityTypes,
            BulkDownloads = includeBulk ? BulkDownloads.Include : BulkDownloads.Exclude,
        };
        return Figure.Of("topEngagedUsers", new ReportQuery(filter, Measure.Events, new TopShape(Dimension.User, CheckLimit(limit), breakDownByType: true)),
            r => (IReadOnlyList<EngagedUser>)((TopResult)r).Entries.Select(e => new EngagedUser(e.Key,
                e.ByType!.GetValueOrDefault(EventType.Search), e.ByType!.GetValueOrDefault(EventType.Download), e.ByType!.GetValueOrDefault(EventType.Upload))).ToArray());
    }

    /// <summary>Distinct users with a search, download (bulk or not) or upload, per month.</summary>
    public static Figure<IReadOnlyList<TrendPoint>> EngagedUsersTrend(ReportContext context) =>
        Trend("engagedUsersTrend", context, f => f with { Types = SummaryFigures.ActivityTypes }, Measure.DistinctUsers);

    /// <summary>Distinct sessions of any event carrying a session, per month.</summary>
    public static Figure<IReadOnlyList<TrendPoint>> ActiveSessionsTrend(ReportContext context) =>
        Trend("activeSessionsTrend", context, f => f, Measure.DistinctSessions);

    public static Figure<EngagementReport> Report(ReportContext context, int limit = DefaultLimit, bool includeBulk = false)
    {
        var c = Figure.Compose();
        var top = c.Add(TopEngagedUsers(context, limit, includeBulk));
        var users = c.Add(EngagedUsersTrend(context));
        var sessions = c.Add(ActiveSessionsTrend(context));
        return c.Build("engagement", r => new EngagementReport(
            new ReportHeader(context.Month, context.IsClosed, r.ApproximateFigures), top.Read(r), users.Read(r), sessions.Read(r)));
    }
}
