using System.Text.Json;
using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Queries;

namespace GraphReports.Sqlite.Recent;

/// <summary>Display names of listed keys, from the names the writer keeps (<c>report_names</c>: the latest any event gave).</summary>
internal static class RecentNames
{
    public static Dictionary<string, string> Of(RecentReadContext context, Dimension dimension, IEnumerable<string> keys)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!DimensionSql.HasNames(dimension)) return names;
        var list = keys.ToArray();
        if (list.Length == 0) return names;
        using var command = context.Command(
            "SELECT key, name FROM report_names WHERE env = $p0 AND dim = $p1 AND key IN (SELECT value FROM json_each($p2))",
            context.EnvironmentId, (int)dimension, JsonSerializer.Serialize(list));
        using var reader = command.ExecuteReader();
        while (reader.Read()) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
