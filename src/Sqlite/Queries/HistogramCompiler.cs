using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Histograms: the bucket boundaries (local days, weeks or months, <see cref="TimeBuckets.Cover"/>)
/// are computed in C# and sent as a small VALUES table joined on the <c>ts_ms</c> range (one index range
/// per bucket); empty buckets are filled with 0 after reading. Bucket boundaries are local midnights, whole
/// seconds in UTC (zone offsets are), so whole milliseconds; the period's own conditions stay exact at its edges.
/// </summary>
internal static class HistogramCompiler
{
    public static CompiledStatement Compile(ReportQuery query, HistogramShape shape)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shape.Zone);
        var buckets = TimeBuckets.Cover(query.Filter.Period.ToTimePeriod(), shape.Interval, zone);
        var sql = new SqlText();
        var source = QuerySource.Scan;
        var where = FilterSql.Conditions(query.Filter, source, sql);
        const string e = QuerySource.Alias;
        if (buckets.Count == 0)
            return new("SELECT 0 WHERE 0", sql, _ => [new HistogramResult([])]);
        var values = string.Join(", ", buckets
            .Select((b, i) => $"({i}, {sql.Param(EventTimeSql.FloorMilliseconds(b.Period.Start))}, {sql.Param(EventTimeSql.CeilingMilliseconds(b.Period.End))})"));
        var text = $"""
            WITH b(i, s, x) AS (VALUES {values})
            SELECT b.i, {MeasureSql.Aggregate(query.Measure, source)}
            FROM b JOIN event {e} ON {e}.ts_ms >= b.s AND {e}.ts_ms < b.x
            WHERE {string.Join(" AND ", where)}
            GROUP BY b.i
            """;
        return new(text, sql, reader =>
        {
            var counts = new long[buckets.Count];
            while (reader.Read()) counts[reader.GetInt32(0)] = reader.GetInt64(1);
            return [new HistogramResult(counts.Select((v, i) => new HistogramBucket(buckets[i].Period.Start, v)).ToArray())];
        });
    }
}
