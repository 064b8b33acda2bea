using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>The WHERE conditions of a filter, over <c>report_events</c> or over rollup rows.</summary>
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
        var c = new List<string> { $"{e}.env = {sql.Param(f.EnvironmentId)}" };
        if (source.IsRollup)
        {
            c.Add($"{e}.month = {sql.Param(source.RollupMonth)}");
            c.Add($"{e}.dim = {source.DimensionCode}");
            c.Add(source.AnyType ? $"{e}.type = 0" : $"{e}.type > 0");
        }
        return c;
    }

    /// <summary>The rest of the filter: what distinguishes two queries reading the same rows.</summary>
    public static List<string> Specific(EventFilter f, QuerySource source, SqlText sql)
    {
        const string e = QuerySource.Alias;
        var c = new List<string>();
        if (source.IsRollup)
        {
            // Key criteria apply to the dimension whose rows are read (the planner made sure there is only that one).
            var keys = source.RollupDimension switch
            {
                Dimension.User => f.Users,
                Dimension.Asset => f.Assets,
                Dimension.Collection => f.Collections,
                _ => null,
            };
            if (keys is not null) c.Add($"{e}.key IN {sql.List(keys)}");
        }
        else
        {
            c.Add($"{e}.ts >= {sql.Param(f.Period.From.UtcTicks)}");
            c.Add($"{e}.ts < {sql.Param(f.Period.To.UtcTicks)}");
            if (f.Users is { } users) c.Add($"{e}.user IN {sql.List(users)}");
            if (f.Assets is { } assets) c.Add($"{e}.asset IN {sql.List(assets)}");
            if (f.Collections is { } collections) c.Add($"{e}.collection IN {sql.List(collections)}");
            if (f.FolderPrefix is { } folder)
            {
                var clean = folder.Trim('/');
                c.Add($"({e}.folder = {sql.Param(clean)} OR substr({e}.folder, 1, {clean.Length + 1}) = {sql.Param(clean + "/")})");
            }
        }
        if (f.Types is { } types) c.Add($"{e}.type IN ({IntList(types.Select(t => (int)t))})");
        if (f.SearchKinds is { } kinds) c.Add($"{e}.kind IN ({IntList(kinds.Select(k => (int)k))})");
        if (f.Channels is { } channels) c.Add($"{e}.channel IN ({IntList(channels.Select(x => (int)x))})");
        switch (f.BulkDownloads)
        {
            // bulk = 1 only ever marks a bulk media-library download.
            case BulkDownloads.Exclude: c.Add($"{e}.bulk = 0"); break;
            case BulkDownloads.Only: c.Add($"NOT ({e}.type = {(int)EventType.Download} AND {e}.bulk = 0)"); break;
        }
        if (f.ZeroResultsOnly) c.Add($"{e}.zero = 1");
        if (f.Preset is { } preset) c.Add($"{e}.preset = {(preset ? 2 : 1)}");
        return c;
    }

    /// <summary>An IN list of integers; empty lists match nothing (SQLite accepts <c>IN ()</c>).</summary>
    public static string IntList(IEnumerable<int> values) => string.Join(", ", values.Distinct());
}
