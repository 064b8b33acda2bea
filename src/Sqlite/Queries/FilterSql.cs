using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// The WHERE conditions of a filter, over the store's <c>event</c> rows (a scan) or over rollup rows.
/// Scans compare integer columns: strings are matched through their <c>text_value</c> ids, the
/// environment through its <c>environment</c> id, each looked up once per statement.
/// </summary>
internal static class FilterSql
{
    public static List<string> Conditions(EventFilter f, QuerySource source, SqlText sql)
    {
        var c = Scope(f, source, sql);
        c.AddRange(Specific(f, source, sql));
        return c;
    }

    /// <summary>Which rows are read at all: the environment, and the rollup month and dimension.</summary>
    public static List<string> Scope(EventFilter f, QuerySource source, SqlText sql)
    {
        const string e = QuerySource.Alias;
        if (!source.IsRollup) return [$"{e}.env = (SELECT id FROM environment WHERE name = {sql.Param(f.EnvironmentId)})"];
        if (source.SeekKeys)
        {
            // Each variant of the month (its dim-0 row), then that variant's rows of the dimension: every variant column
            // equal, so the key range is sought. "+v.type" keeps the type bound from passing to e.type by transitivity,
            // which made the planner read e by a type range instead of seeking.
            const string v = DimensionSql.Variants;
            return
            [
                $"{v}.env = {sql.Param(f.EnvironmentId)}",
                $"{v}.month = {sql.Param(source.RollupMonth)}",
                $"{v}.dim = 0",
                source.AnyType ? $"+{v}.type = 0" : $"+{v}.type > 0",
                $"{e}.env = {v}.env", $"{e}.month = {v}.month", $"{e}.dim = {source.DimensionCode}",
                .. VariantColumns.Select(c => $"{e}.{c} = {v}.{c}"),
            ];
        }
        return
        [
            $"{e}.env = {sql.Param(f.EnvironmentId)}",
            $"{e}.month = {sql.Param(source.RollupMonth)}",
            $"{e}.dim = {source.DimensionCode}",
            source.AnyType ? $"{e}.type = 0" : $"{e}.type > 0",
        ];
    }

    /// <summary>The columns that follow the dimension in <c>report_rollup</c>'s primary key, before the key.</summary>
    private static readonly string[] VariantColumns = ["type", "kind", "bulk", "preset", "zero", "channel"];

    /// <summary>The rest of the filter: what distinguishes two queries reading the same rows.</summary>
    public static List<string> Specific(EventFilter f, QuerySource source, SqlText sql)
    {
        const string e = QuerySource.Alias;
        var c = new List<string>();
        if (source.IsRollup)
        {
            // Key criteria apply to the dimension whose rows are read (the planner made sure there is only that one).
            var keys = RollupPlanner.KeyCriterion(f, source.RollupDimension);
            if (keys is not null) c.Add($"{source.KeyColumn} IN {sql.List(keys)}");
            if (source.ByFolder && f.FolderPrefix is { } prefix)
            {
                var clean = prefix.Trim('/');
                // One range [folder, folder + '0') to seek, narrowed to the folder and its subfolders ("a/b-c" lies inside it).
                c.Add($"{e}.key >= {sql.Param(clean)} AND {e}.key < {sql.Param(clean + "0")} AND ({e}.key = {sql.Param(clean)} OR {e}.key >= {sql.Param(clean + "/")})");
            }
            if (f.Types is { } types) c.Add($"{e}.type IN ({IntList(types.Select(t => (int)t))})");
        }
        else
        {
            c.AddRange(EventTimeSql.Range(e, f.Period.From, f.Period.To, sql));
            // Without a type criterion, all types: the (env, type, ts_ms) index then serves every period scan.
            c.Add($"{e}.type IN ({IntList((f.Types ?? EventTypeNames.All).Select(t => (int)t))})");
            if (f.Users is { } users) c.Add($"{e}.user IN {Interned(users, sql)}");
            if (f.Assets is { } assets) c.Add($"{e}.asset IN {Interned(assets, sql)}");
            if (f.Collections is { } collections) c.Add($"{e}.collection IN {Interned(collections, sql)}");
            if (f.FolderPrefix is { } folder) c.Add($"{e}.asset_folder IN {FolderIds(folder, sql)}");
        }
        var v = source.IsRollup ? RollupVariants : ScanVariants;
        if (f.SearchKinds is { } kinds) c.Add($"{v.Kind} IN ({IntList(kinds.Select(k => (int)k))})");
        if (f.Channels is { } channels) c.Add($"{v.Channel} IN ({IntList(channels.Select(x => (int)x))})");
        switch (f.BulkDownloads)
        {
            case BulkDownloads.Exclude: c.Add($"NOT {v.Bulk}"); break;
            case BulkDownloads.Only: c.Add($"NOT ({e}.type = {(int)EventType.Download} AND NOT {v.Bulk})"); break;
        }
        if (f.ZeroResultsOnly) c.Add(v.Zero);
        if (f.Preset is { } preset) c.Add(preset ? v.Transformed : v.Original);
        return c;
    }

    /// <summary>An IN list of integers; empty lists match nothing (SQLite accepts <c>IN ()</c>).</summary>
    public static string IntList(IEnumerable<int> values) => string.Join(", ", values.Distinct());

    /// <summary>The ids of the given strings (a string never stored has no id, and matches nothing).</summary>
    private static string Interned(IEnumerable<string> values, SqlText sql) => $"(SELECT id FROM text_value WHERE value IN {sql.List(values)})";

    /// <summary>
    /// The ids of a folder and its subfolders: stored folders have no leading or trailing '/' (the intake
    /// refuses them), so the subfolders of <c>a/b</c> are the range ['a/b/', 'a/b0') ('0' follows '/'),
    /// read from <c>text_value</c>'s unique index.
    /// </summary>
    private static string FolderIds(string folder, SqlText sql)
    {
        var clean = folder.Trim('/');
        return $"(SELECT id FROM text_value WHERE value = {sql.Param(clean)} OR (value >= {sql.Param(clean + "/")} AND value < {sql.Param(clean + "0")}))";
    }

    /// <summary>
    /// The variant criteria as boolean (or integer) expressions of one row. A scan reads them off the event's
    /// own columns, as <c>EventFacts</c> derives them for rollups: no search object = kind 0, no channel = 0,
    /// bulk only for a bulk media-library <c>download</c>, a download object exists iff <c>download_bulk</c> is set.
    /// </summary>
    private sealed record Variants(string Kind, string Channel, string Bulk, string Zero, string Original, string Transformed);

    private static readonly Variants RollupVariants = new(
        $"{QuerySource.Alias}.kind", $"{QuerySource.Alias}.channel", $"({QuerySource.Alias}.bulk = 1)", $"{QuerySource.Alias}.zero = 1",
        $"{QuerySource.Alias}.preset = 1", $"{QuerySource.Alias}.preset = 2");

    private static readonly Variants ScanVariants = new(
        $"coalesce({QuerySource.Alias}.search_kind, 0)", $"coalesce({QuerySource.Alias}.channel, 0)",
        $"({QuerySource.Alias}.type = {(int)EventType.Download} AND {QuerySource.Alias}.download_bulk IS 1)",
        $"{QuerySource.Alias}.search_results = 0",
        $"({QuerySource.Alias}.download_bulk IS NOT NULL AND {QuerySource.Alias}.download_preset IS NULL)",
        $"{QuerySource.Alias}.download_preset IS NOT NULL");
}
