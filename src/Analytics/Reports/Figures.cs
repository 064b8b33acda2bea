using GraphReports.Analytics.Queries;

namespace GraphReports.Analytics.Reports;

/// <summary>The building blocks every section declares its figures with.</summary>
internal static class Figures
{
    /// <summary>Top lists accept 1..100 entries (REPORTS.md §3).</summary>
    public const int DefaultLimit = 10, MaxLimit = 100;

    public static int CheckLimit(int limit) =>
        limit is >= 1 and <= MaxLimit ? limit
            : throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxLimit}.");

    public static ReportQuery Total(EventFilter filter, Measure measure) => new(filter, measure, TotalShape.Instance);

    public static Figure<long> Count(string name, EventFilter filter, Measure measure) =>
        Figure.Of(name, Total(filter, measure), r => ((TotalResult)r).Value);

    /// <summary>
    /// The figure in the listed month and in the previous month; for an open month also in the
    /// previous month's same elapsed span (a period that is not a whole month, so no rollup answers it).
    /// </summary>
    public static Figure<Comparison> Compared(string name, ReportContext context, Func<EventFilter, EventFilter> narrow, Measure measure)
    {
        ReportQuery[] whole = [Total(narrow(context.Filter()), measure), Total(narrow(context.Filter(context.Month.Previous())), measure)];
        if (context.PreviousToDatePeriod is not { } toDate)
            return new(name, whole, r => new Comparison(((TotalResult)r[0]).Value, ((TotalResult)r[1]).Value));
        return new(name, [.. whole, Total(narrow(context.Filter(toDate)), measure)],
            r => new Comparison(((TotalResult)r[0]).Value, ((TotalResult)r[1]).Value, ((TotalResult)r[2]).Value));
    }

    /// <summary>
    /// A trend: one total query per month (not one histogram) so that every closed month is an
    /// answer of its own that a cache can keep.
    /// </summary>
    public static Figure<IReadOnlyList<TrendPoint>> Trend(string name, ReportContext context, Func<EventFilter, EventFilter> narrow, Measure measure)
    {
        var months = context.TrendMonths;
        return new(name,
            months.Select(m => Total(narrow(context.Filter(m)), measure)).ToArray(),
            r => months.Select((m, i) => new TrendPoint(m, ((TotalResult)r[i]).Value, !context.IsMonthClosed(m))).ToArray());
    }

    public static Figure<IReadOnlyList<RankedItem>> Top(string name, EventFilter filter, Dimension dimension, int limit, Measure? measure = null) =>
        Figure.Of(name, new ReportQuery(filter, measure ?? Measure.Events, new TopShape(dimension, CheckLimit(limit))),
            r => (IReadOnlyList<RankedItem>)((TopResult)r).Entries.Select(e => new RankedItem(e.Key, e.Name, e.Value)).ToArray());
}
