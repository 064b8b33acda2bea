using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Histograms: the bucket boundaries (local days, weeks or months, <see cref="TimeBuckets.Cover"/>)
/// are computed in C# and sent as a small VALUES table joined on the timestamp range; empty buckets
/// are filled with 0 after reading.
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
            .Select((b, i) => $"({i}, {sql.Param(b.Period.Start.UtcTicks)}, {sql.Param(b.Period.End.UtcTicks)})"));
        var text = $"""
            WITH b(i, s, x) AS (VALUES {values})
            SELECT b.i, {MeasureSql.Aggregate(query.Measure, source)}
            FROM b JOIN report_events {e} ON {e}.ts >= b.s AND {e}.ts < b.x
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
