using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Distinct counts of one month by event type (with or without bulk downloads) read <c>report_rollup_keys</c>, which
/// lists each key once per type: one type is a row count over one key range (no DISTINCT, no temporary b-tree), several
/// types a COUNT(DISTINCT) over their ranges. Over the rollup rows the same count reads every variant row of every key.
/// Up to an instant inside the month (<see cref="QuerySource.Before"/>), the same ranges count the keys whose earliest
/// event of the type came before it: exact, since a key occurred before an instant iff its earliest event did.
/// </summary>
internal static class DistinctKeysCompiler
{
    /// <summary>Whether the query is a distinct count of the rows' dimension with no criterion but event types and bulk.</summary>
    public static bool Answers(ReportQuery query, QuerySource source) =>
        source.IsRollup && !source.AnyType && !source.ByFolder
        && RollupPlanner.DistinctDimension(query.Measure.Kind) is { } measured && measured == source.RollupDimension
        && AnswersByTypes(query);

    /// <summary>Whether the query is a distinct count whose only criteria are event types and bulk (what the key rows list).</summary>
    public static bool AnswersByTypes(ReportQuery query)
    {
        var f = query.Filter;
        return query.Shape is TotalShape && RollupPlanner.DistinctDimension(query.Measure.Kind) is not null
            && f.Types is { Count: > 0 } && f.Users is null && f.Assets is null && f.Collections is null && f.FolderPrefix is null
            && f.SearchKinds is null && f.Channels is null && !f.ZeroResultsOnly && f.Preset is null
            && f.BulkDownloads is BulkDownloads.Include or BulkDownloads.Exclude;
    }

    public static CompiledStatement Compile(ReportQuery query, QuerySource source)
    {
        var sql = new SqlText();
        var f = query.Filter;
        var types = f.Types!.Distinct().Order().ToArray();
        // Class 1 lists the keys of non-bulk downloads; bulk applies to downloads only, so other types read class 0.
        int ClassOf(EventType t) => t == EventType.Download && f.BulkDownloads == BulkDownloads.Exclude ? 1 : 0;
        var scope = $"env = {sql.Param(f.EnvironmentId)} AND month = {sql.Param(source.RollupMonth)} AND dim = {source.DimensionCode}";
        if (source.Before is { } before) scope += $" AND first < {sql.Param(before.UtcTicks)}";
        var text = types.Length == 1
            ? $"SELECT COUNT(*) FROM report_rollup_keys WHERE {scope} AND type = {(int)types[0]} AND class = {ClassOf(types[0])}"
            : $"SELECT COUNT(DISTINCT key) FROM report_rollup_keys WHERE {scope} AND type IN ({FilterSql.IntList(types.Select(t => (int)t))}) " +
              $"AND class = CASE type {string.Concat(types.Select(t => $"WHEN {(int)t} THEN {ClassOf(t)} "))}END";
        return new(text, sql, reader => { reader.Read(); return [new TotalResult(reader.GetInt64(0))]; });
    }
}
