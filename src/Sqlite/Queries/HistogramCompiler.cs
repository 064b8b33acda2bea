using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Histograms: the bucket boundaries (local days, weeks or months, <see cref="HistogramBuckets"/>)
/// are computed in C# and sent as a small VALUES table joined on the timestamp range; empty buckets
/// are filled with 0 after reading.
/// </summary>
internal static class HistogramCompiler
{
    public static CompiledStatement Compile(ReportQuery query, HistogramShape shape)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shape.Zone);
        var bounds = HistogramBuckets.Boundaries(query.Filter.Period, shape.Interval, zone);
        var sql = new SqlText();
        var source = QuerySource.Scan;
        var where = FilterSql.Conditions(query.Filter, source, sql);
        const string e = QuerySource.Alias;
        if (bounds.Count < 2)
            return new("SELECT 0 WHERE 0", sql, _ => [new HistogramResult([])]);
        var values = string.Join(", ", Enumerable.Range(0, bounds.Count - 1)
            .Select(i => $"({i}, {sql.Param(bounds[i].UtcTicks)}, {sql.Param(bounds[i + 1].UtcTicks)})"));
        var text = $"""
            WITH b(i, s, x) AS (VALUES {values})
            SELECT b.i, {MeasureSql.Aggregate(query.Measure, source)}
            FROM b JOIN report_events {e} ON {e}.ts >= b.s AND {e}.ts < b.x
            WHERE {string.Join(" AND ", where)}
            GROUP BY b.i
            """;
        return new(text, sql, reader =>
        {
            var counts = new long[bounds.Count - 1];
            while (reader.Read()) counts[reader.GetInt32(0)] = reader.GetInt64(1);
            return [new HistogramResult(counts.Select((v, i) => new HistogramBucket(bounds[i], v)).ToArray())];
        });
    }
}
