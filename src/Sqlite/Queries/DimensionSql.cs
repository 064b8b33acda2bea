using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>The grouping key columns of a dimension, and the joins it needs.</summary>
internal static class DimensionSql
{
    /// <summary>(key, second key) expressions; the second is '' except for filter pairs.</summary>
    public static (string Key, string Key2) Keys(Dimension dimension, QuerySource source)
    {
        const string e = QuerySource.Alias;
        return dimension switch
        {
            Dimension.Channel => (WireCase($"{e}.channel", Enum.GetValues<UsageChannel>().Select(c => ((int)c, c.ToWire()))), "''"),
            Dimension.EventType => (WireCase($"{e}.type", EventTypeNames.All.Select(t => ((int)t, t.ToWire()))), "''"),
            _ when source.IsRollup => ($"{e}.key", $"{e}.key2"),
            Dimension.User => ($"{e}.user", "''"),
            Dimension.Asset => ($"{e}.asset", "''"),
            Dimension.Collection => ($"{e}.collection", "''"),
            Dimension.SearchText => ($"{e}.text_key", "''"),
            Dimension.Expression => ($"{e}.expr_key", "''"),
            Dimension.ReferenceImage => ($"{e}.ref", "''"),
            Dimension.Session => ($"{e}.session", "''"),
            Dimension.FilterPair => ("fp.field", "fp.value"),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
    }

    /// <summary>The FROM clause: the events (joined to their filter pairs when grouping by pair) or the rollup rows.</summary>
    public static string From(QuerySource source, Dimension? grouping) =>
        source.IsRollup ? $"report_rollup {QuerySource.Alias}"
        : grouping == Dimension.FilterPair
            ? $"report_events {QuerySource.Alias} JOIN report_event_filters fp ON fp.env = {QuerySource.Alias}.env AND fp.id = {QuerySource.Alias}.id"
            : $"report_events {QuerySource.Alias}";

    /// <summary>Dimensions whose keys have display names (<c>report_names.dim</c>).</summary>
    public static bool HasNames(Dimension d) => d is Dimension.Asset or Dimension.Collection or Dimension.ReferenceImage;

    private static string WireCase(string column, IEnumerable<(int Code, string Wire)> names) =>
        $"CASE {column} " + string.Concat(names.Select(n => $"WHEN {n.Code} THEN '{n.Wire}' ")) + "END";
}
