using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Top lists: group by the dimension's key, measure per group, groups of 0 dropped, ordered by
/// measure descending then key and second key ascending (BINARY collation: byte order of UTF-8,
/// which is ordinal order except between astral and U+E000..U+FFFF characters), names looked up
/// after the cut so that only the listed keys are. A scan groups by interned ids; the tie-break
/// before the cut must be the strings' order, so every group's strings are looked up (one
/// <c>text_value</c> primary-key read per group, far fewer than the events grouped).
/// </summary>
internal static class TopCompiler
{
    public static CompiledStatement Compile(ReportQuery query, TopShape top, QuerySource source)
    {
        var sql = new SqlText();
        var where = FilterSql.Conditions(query.Filter, source, sql);
        var (key, key2, interned) = DimensionSql.Keys(top.Dimension, source);
        var breakdown = top.BreakDownByType ? (query.Filter.Types ?? EventTypeNames.All).Distinct().Order().ToArray() : [];
        var byType = string.Concat(breakdown.Select((t, i) => $", {MeasureSql.Aggregate(query.Measure, source, $"{QuerySource.Alias}.type = {(int)t}")} AS b{i}"));
        var byTypeColumns = string.Concat(breakdown.Select((_, i) => $", g.b{i}"));
        // "+key IS NOT NULL": the unary + keeps the term from qualifying the partial (env, asset, type, ts_ms) index,
        // which the planner then picked to read every asset event of the environment (measured: a folder's top
        // assets 226 ms instead of 61 ms at 1M events); an asset criterion still selects that index.
        // Names are looked up for the listed groups only, after the cut (a join before it lets the
        // planner loop over every name and re-run the grouping for each).
        var name = DimensionSql.HasNames(top.Dimension)
            ? $"(SELECT n.name FROM report_names n WHERE n.env = {sql.Param(query.EnvironmentId)} AND n.dim = {(int)top.Dimension} AND n.key = t.k)"
            : "NULL";
        var text = $"""
            SELECT t.*, {name} FROM (
              SELECT {(interned ? DimensionSql.Text("g.k") : "g.k")} AS k, {(interned && key2 != DimensionSql.NoSecondKey ? DimensionSql.Text("g.k2") : "g.k2")} AS k2, g.v{byTypeColumns} FROM (
                SELECT {key} AS k, {key2} AS k2, {MeasureSql.Aggregate(query.Measure, source)} AS v{byType}
                FROM {DimensionSql.From(source, top.Dimension)}
                WHERE {string.Join(" AND ", where)} AND +{key} IS NOT NULL
                GROUP BY 1, 2
                HAVING v > 0) g
              ORDER BY 3 DESC, 1, 2
              {(top.Limit is { } limit ? $"LIMIT {limit}" : "")}) t
            ORDER BY t.v DESC, t.k, t.k2
            """;
        return new(text, sql, reader => [Read(reader, top, breakdown)]);
    }

    private static TopResult Read(SqliteDataReader reader, TopShape top, EventType[] breakdown)
    {
        var entries = new List<TopEntry>();
        while (reader.Read())
        {
            var k2 = reader.GetString(1);
            var nameIndex = 3 + breakdown.Length;
            entries.Add(new TopEntry(reader.GetString(0), top.Dimension == Dimension.FilterPair ? k2 : null,
                reader.IsDBNull(nameIndex) ? null : reader.GetString(nameIndex), reader.GetInt64(2))
            {
                ByType = top.BreakDownByType ? breakdown.Select((t, i) => (t, reader.GetInt64(3 + i))).ToDictionary(x => x.t, x => x.Item2) : null,
            });
        }
        return new TopResult(entries);
    }
}
