using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using static GraphReports.Analytics.Reports.Figures;

namespace GraphReports.Analytics.Reports;

/// <summary>REPORTS.md §3 "Search", the two "beyond the anchors" figures included.</summary>
public sealed record SearchReport(
    ReportHeader Header,
    IReadOnlyList<RankedItem> TopSearches,
    IReadOnlyList<RankedFilterPair> TopFilterValues,
    IReadOnlyList<RankedItem> TopExpressions,
    IReadOnlyList<TrendPoint> SearchesTrend,
    IReadOnlyList<TrendPoint> SearchersTrend,
    IReadOnlyList<RankedItem> SimilaritySearchImages,
    IReadOnlyList<RankedItem> TopVisualSearchTerms,
    IReadOnlyList<RankedItem> SearchesThatFoundNothing,
    Rate SearchSuccessRate);

/// <summary>The search figures, declared once in the query model.</summary>
public static class SearchFigures
{
    private static EventFilter Searches(ReportContext context, params SearchKind[] kinds) =>
        context.Filter() with { Types = [EventType.Search], SearchKinds = kinds.Length == 0 ? null : kinds };

    /// <summary>Most frequent normalized texts of searches of kind <c>text</c>.</summary>
    public static Figure<IReadOnlyList<RankedItem>> TopSearches(ReportContext context, int limit = DefaultLimit) =>
        Top("topSearches", Searches(context, SearchKind.Text), Dimension.SearchText, limit);

    /// <summary>Most used (field, value) pairs over searches of any kind.</summary>
    public static Figure<IReadOnlyList<RankedFilterPair>> TopFilterValues(ReportContext context, int limit = DefaultLimit) =>
        Figure.Of("topFilterValues", new ReportQuery(Searches(context), Measure.Events, new TopShape(Dimension.FilterPair, CheckLimit(limit))),
            r => (IReadOnlyList<RankedFilterPair>)((TopResult)r).Entries.Select(e => new RankedFilterPair(e.Key, e.SecondKey!, e.Value)).ToArray());

    /// <summary>Most frequent normalized expressions of kind <c>expression</c> or <c>query_builder</c>.</summary>
    public static Figure<IReadOnlyList<RankedItem>> TopExpressions(ReportContext context, int limit = DefaultLimit) =>
        Top("topExpressions", Searches(context, SearchKind.Expression, SearchKind.QueryBuilder), Dimension.Expression, limit);

    /// <summary>Search events per month, repeats included.</summary>
    public static Figure<IReadOnlyList<TrendPoint>> SearchesTrend(ReportContext context) =>
        Trend("searchesTrend", context, f => f with { Types = [EventType.Search] }, Measure.Events);

    /// <summary>Distinct users who searched, per month.</summary>
    public static Figure<IReadOnlyList<TrendPoint>> SearchersTrend(ReportContext context) =>
        Trend("searchersTrend", context, f => f with { Types = [EventType.Search] }, Measure.DistinctUsers);

    /// <summary>Most used reference images of <c>visual_image</c> searches.</summary>
    public static Figure<IReadOnlyList<RankedItem>> SimilaritySearchImages(ReportContext context, int limit = DefaultLimit) =>
        Top("similaritySearchImages", Searches(context, SearchKind.VisualImage), Dimension.ReferenceImage, limit);

    /// <summary>Most frequent normalized texts of <c>visual_text</c> searches.</summary>
    public static Figure<IReadOnlyList<RankedItem>> TopVisualSearchTerms(ReportContext context, int limit = DefaultLimit) =>
        Top("topVisualSearchTerms", Searches(context, SearchKind.VisualText), Dimension.SearchText, limit);

    /// <summary>Top normalized texts of kind <c>text</c> whose <c>results</c> was 0.</summary>
    public static Figure<IReadOnlyList<RankedItem>> SearchesThatFoundNothing(ReportContext context, int limit = DefaultLimit) =>
        Top("searchesThatFoundNothing", Searches(context, SearchKind.Text) with { ZeroResultsOnly = true }, Dimension.SearchText, limit);

    /// <summary>
    /// Among the sessions of the month with at least one search, the share in which a download
    /// (bulk or not) happened strictly after the session's first search of the month.
    /// </summary>
    public static Figure<Rate> SearchSuccessRate(ReportContext context)
    {
        var month = context.Filter();
        var searched = Total(month with { Types = [EventType.Search] }, Measure.DistinctSessions);
        var converted = Total(month with { Types = [EventType.Search, EventType.Download] }, Measure.SessionsConverted(EventType.Search, EventType.Download));
        return new("searchSuccessRate", [converted, searched],
            r => new Rate(((TotalResult)r[0]).Value, ((TotalResult)r[1]).Value));
    }

    public static Figure<SearchReport> Report(ReportContext context, int limit = DefaultLimit)
    {
        var c = Figure.Compose();
        var texts = c.Add(TopSearches(context, limit));
        var filters = c.Add(TopFilterValues(context, limit));
        var expressions = c.Add(TopExpressions(context, limit));
        var searches = c.Add(SearchesTrend(context));
        var searchers = c.Add(SearchersTrend(context));
        var images = c.Add(SimilaritySearchImages(context, limit));
        var visual = c.Add(TopVisualSearchTerms(context, limit));
        var nothing = c.Add(SearchesThatFoundNothing(context, limit));
        var success = c.Add(SearchSuccessRate(context));
        return c.Build("search", r => new SearchReport(
            new ReportHeader(context.Month, context.IsClosed, r.ApproximateFigures),
            texts.Read(r), filters.Read(r), expressions.Read(r), searches.Read(r), searchers.Read(r),
            images.Read(r), visual.Read(r), nothing.Read(r), success.Read(r)));
    }
}
