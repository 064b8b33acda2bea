using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>The grouping key columns of a dimension, and the joins it needs.</summary>
internal static class DimensionSql
{
    /// <summary>The alias of the month's variant rows when rollup rows are sought by key.</summary>
    public const string Variants = "v";

    /// <summary>The second key of every dimension but filter pairs.</summary>
    public const string NoSecondKey = "''";

    /// <summary>
    /// (key, second key) expressions; the second is the constant '' except for filter pairs. <c>Interned</c>:
    /// the (non-constant) keys are <c>text_value</c> ids (a scan's string dimensions), to be turned into strings
    /// with <see cref="Text"/>; otherwise they are the strings themselves (rollup rows, wire names of channels and types).
    /// </summary>
    public static (string Key, string Key2, bool Interned) Keys(Dimension dimension, QuerySource source)
    {
        const string e = QuerySource.Alias;
        return dimension switch
        {
            Dimension.Channel => (WireCase($"{e}.channel", Enum.GetValues<UsageChannel>().Select(c => ((int)c, c.ToWire()))), NoSecondKey, false),
            Dimension.EventType => (WireCase($"{e}.type", EventTypeNames.All.Select(t => ((int)t, t.ToWire()))), NoSecondKey, false),
            _ when source.IsRollup => (source.KeyColumn, source.ByFolder ? NoSecondKey : $"{e}.key2", false),
            Dimension.User => ($"{e}.user", NoSecondKey, true),
            Dimension.Asset => ($"{e}.asset", NoSecondKey, true),
            Dimension.Collection => ($"{e}.collection", NoSecondKey, true),
            Dimension.SearchText => ($"{e}.search_text_key", NoSecondKey, true),
            Dimension.Expression => ($"{e}.search_expression_key", NoSecondKey, true),
            Dimension.ReferenceImage => ($"{e}.search_reference", NoSecondKey, true),
            Dimension.Session => ($"{e}.session", NoSecondKey, true),
            Dimension.FilterPair => ("fp.field", "fp.value", true),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
    }

    /// <summary>The string of a <c>text_value</c> id.</summary>
    public static string Text(string id) => $"(SELECT value FROM text_value WHERE id = {id})";

    /// <summary>
    /// The FROM clause: the events (joined to their filter pairs when grouping by pair) or the rollup rows.
    /// A search naming the same pair twice counts it once: only the pair's first position is joined.
    /// Rollup rows sought by key (<see cref="QuerySource.SeekKeys"/>) are joined to the month's variants: the key
    /// follows the variant columns in the primary key, so only a known variant lets the key range be sought; the
    /// month's dim-0 rows list every variant that occurred, once each (<see cref="FilterSql.Scope"/> ties them).
    /// </summary>
    public static string From(QuerySource source, Dimension? grouping)
    {
        const string e = QuerySource.Alias;
        if (source.IsRollup) return source.SeekKeys ? $"report_rollup {Variants} CROSS JOIN report_rollup {e}" : $"report_rollup {e}";
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
