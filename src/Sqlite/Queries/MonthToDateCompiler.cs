using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// A total of events, ratings or points over a month's start up to an instant inside it (the summary's previous month
/// "to date"), when the month's rollups are current: the day rows (<see cref="ReportSchema.DayDimension"/>) of the
/// whole days before the instant's day, plus a scan of that day's events up to the instant. One statement, so both
/// parts read the batch's snapshot; exact to the tick, since the scan keeps the period's own end.
/// </summary>
internal static class MonthToDateCompiler
{
    /// <summary>Whether the query is such a total: events, ratings or points, with no key criterion (day rows have no keys).</summary>
    public static bool Answers(ReportQuery query)
    {
        var f = query.Filter;
        return query.Shape is TotalShape
            && query.Measure.Kind is MeasureKind.Events or MeasureKind.RatingSum or MeasureKind.WeightedEvents
            && f.Users is null && f.Assets is null && f.Collections is null && f.FolderPrefix is null;
    }

    public static CompiledStatement Compile(ReportQuery query, QuerySource source)
    {
        var cut = source.ToDate ?? throw new ArgumentException("The source is not a month to date.", nameof(source));
        var sql = new SqlText();
        var days = FilterSql.Conditions(query.Filter, source, sql);
        days.Add($"{QuerySource.Alias}.key < {sql.Param(ReportSchema.DayKey(cut.Day))}");
        var lastDay = query.Filter with { Period = new Period(cut.DayStart, query.Filter.Period.To) };
        var scan = FilterSql.Conditions(lastDay, QuerySource.Scan, sql);
        var text = $"""
            SELECT (SELECT {MeasureSql.Aggregate(query.Measure, source)} FROM report_rollup {QuerySource.Alias} WHERE {string.Join(" AND ", days)})
                 + (SELECT {MeasureSql.Aggregate(query.Measure, QuerySource.Scan)} FROM event {QuerySource.Alias} WHERE {string.Join(" AND ", scan)})
            """;
        return new(text, sql, reader => { reader.Read(); return [new TotalResult(reader.GetInt64(0))]; });
    }
}
