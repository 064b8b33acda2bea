using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>The grouping key columns of a dimension, and the joins it needs.</summary>
internal static class DimensionSql
{
    /// <summary>
    /// (key, second key) expressions; the second is '' except for filter pairs. <c>Interned</c>: the keys
    /// are <c>text_value</c> ids (a scan's string dimensions), to be turned into strings with <see cref="Text"/>;
    /// otherwise they are the strings themselves (rollup rows, and the wire names of channels and types).
    /// </summary>
    public static (string Key, string Key2, bool Interned) Keys(Dimension dimension, QuerySource source)
    {
        const string e = QuerySource.Alias;
        return dimension switch
        {
            Dimension.Channel => (WireCase($"{e}.channel", Enum.GetValues<UsageChannel>().Select(c => ((int)c, c.ToWire()))), "''", false),
            Dimension.EventType => (WireCase($"{e}.type", EventTypeNames.All.Select(t => ((int)t, t.ToWire()))), "''", false),
            _ when source.IsRollup => ($"{e}.key", $"{e}.key2", false),
            Dimension.User => ($"{e}.user", "0", true),
            Dimension.Asset => ($"{e}.asset", "0", true),
            Dimension.Collection => ($"{e}.collection", "0", true),
            Dimension.SearchText => ($"{e}.search_text_key", "0", true),
            Dimension.Expression => ($"{e}.search_expression_key", "0", true),
            Dimension.ReferenceImage => ($"{e}.search_reference", "0", true),
            Dimension.Session => ($"{e}.session", "0", true),
            Dimension.FilterPair => ("fp.field", "fp.value", true),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
    }

    /// <summary>The string of a <c>text_value</c> id ('' for 0, the second key of single-key dimensions).</summary>
    public static string Text(string id) => $"coalesce((SELECT value FROM text_value WHERE id = {id}), '')";

    /// <summary>
    /// The FROM clause: the events (joined to their filter pairs when grouping by pair) or the rollup rows.
    /// A search naming the same pair twice counts it once: only the pair's first position is joined.
    /// </summary>
    public static string From(QuerySource source, Dimension? grouping)
    {
        const string e = QuerySource.Alias;
        if (source.IsRollup) return $"report_rollup {e}";
        if (grouping != Dimension.FilterPair) return $"event {e}";
        return $"""
            event {e} JOIN search_filter fp ON fp.event = {e}.id
              AND NOT EXISTS (SELECT 1 FROM search_filter d WHERE d.event = fp.event AND d.position < fp.position AND d.field = fp.field AND d.value = fp.value)
            """;
    }

    /// <summary>Dimensions whose keys have display names (<c>report_names.dim</c>).</summary>
    public static bool HasNames(Dimension d) => d is Dimension.Asset or Dimension.Collection or Dimension.ReferenceImage;

    private static string WireCase(string column, IEnumerable<(int Code, string Wire)> names) =>
        $"CASE {column} " + string.Concat(names.Select(n => $"WHEN {n.Code} THEN '{n.Wire}' ")) + "END";
}
