using GraphReports.Analytics.Queries;

namespace GraphReports.Analytics.Reports;

/// <summary>
/// REPORTS.md §3 "Custom questions": any filter, measure and shape of the query model, answered by
/// the same mechanism as the fixed reports. Top lists are limited to 1..100 entries like every top list.
/// </summary>
public static class CustomSlices
{
    public static Figure<QueryResult> Slice(ReportQuery query)
    {
        if (query.Shape is TopShape top) Figures.CheckLimit(top.Limit ?? 0);
        return Figure.Of("activity", query, r => r);
    }
}
