using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Totals. Totals read from the same rollup rows (one environment, month and dimension) are merged
/// into ONE statement with one aggregate column per query: a dashboard's trends cost one pass over
/// each month's rows of each dimension, not one per figure.
/// </summary>
internal static class TotalCompiler
{
    /// <summary>Several totals over the same rows: <paramref name="queries"/> all share <paramref name="source"/>.</summary>
    public static CompiledStatement CompileMerged(IReadOnlyList<ReportQuery> queries, QuerySource source)
    {
        // Each merged query has its own key criteria (in its CASE WHEN), so no key range bounds the rows read together.
        source = source with { SeekKeys = false };
        var sql = new SqlText();
        var columns = queries.Select(q =>
        {
            var specific = FilterSql.Specific(q.Filter, source, sql);
            return MeasureSql.Aggregate(q.Measure, source, specific.Count == 0 ? null : string.Join(" AND ", specific));
        }).ToArray();
        var scope = FilterSql.Scope(queries[0].Filter, source, sql);
        // When every merged query names its types, read only those types' rows (type follows dim in the key).
        if (!source.AnyType && queries.All(q => q.Filter.Types is not null))
            scope.Add($"{QuerySource.Alias}.type IN ({FilterSql.IntList(queries.SelectMany(q => q.Filter.Types!).Select(t => (int)t))})");
        var text = $"SELECT {string.Join(", ", columns)} FROM {DimensionSql.From(source, null)} WHERE {string.Join(" AND ", scope)}";
        return new(text, sql, reader =>
        {
            reader.Read();
            return queries.Select((_, i) => (QueryResult)new TotalResult(reader.GetInt64(i))).ToArray();
        });
    }

    public static CompiledStatement Compile(ReportQuery query, QuerySource source)
    {
        if (query.Measure.Kind == MeasureKind.SessionsConverted) return CompileConverted(query, source);
        var sql = new SqlText();
        var where = FilterSql.Conditions(query.Filter, source, sql);
        var text = $"SELECT {MeasureSql.Aggregate(query.Measure, source)} FROM {DimensionSql.From(source, null)} WHERE {string.Join(" AND ", where)}";
        return new(text, sql, reader => { reader.Read(); return [new TotalResult(reader.GetInt64(0))]; });
    }

    /// <summary>Sessions in which a <c>Then</c> event followed the session's first <c>First</c> event.</summary>
    private static CompiledStatement CompileConverted(ReportQuery query, QuerySource source)
    {
        var sql = new SqlText();
        string text;
        if (source.IsRollup)
        {
            text = $"SELECT COUNT(*) FROM report_session_month WHERE env = {sql.Param(query.EnvironmentId)} AND month = {sql.Param(source.RollupMonth)} AND last_download > first_search";
        }
        else
        {
            var where = FilterSql.Conditions(query.Filter, source, sql);
            const string e = QuerySource.Alias;
            text = $"""
                SELECT COUNT(*) FROM (
                  SELECT MIN(CASE WHEN {e}.type = {(int)query.Measure.First!.Value} THEN {EventTimeSql.Instant(e)} END) AS first_at,
                         MAX(CASE WHEN {e}.type = {(int)query.Measure.Then!.Value} THEN {EventTimeSql.Instant(e)} END) AS then_at
                  FROM event {e} WHERE {string.Join(" AND ", where)} AND {e}.session IS NOT NULL
                  GROUP BY {e}.session)
                WHERE then_at > first_at
                """;
        }
        return new(text, sql, reader => { reader.Read(); return [new TotalResult(reader.GetInt64(0))]; });
    }
}
