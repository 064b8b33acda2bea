using System.Text.Json;
using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Queries;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// Display names of listed keys: the names the writer keeps (<c>report_names</c>: the latest any event gave), read
/// for the keys the snapshot's <see cref="RecentNameCache"/> cannot vouch for.
/// </summary>
internal static class RecentNames
{
    public static Dictionary<string, string> Of(RecentReadContext context, RecentSnapshot snapshot, Dimension dimension, IReadOnlyList<(int Id, string Key)> keys)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!DimensionSql.HasNames(dimension) || keys.Count == 0) return names;
        var unknown = new List<(int Id, string Key)>();
        foreach (var (id, key) in keys)
        {
            if (!snapshot.Names.TryGet(dimension, id, snapshot.VisibleThrough, out var name)) unknown.Add((id, key));
            else if (name is not null) names[key] = name;
        }
        if (unknown.Count == 0) return names;
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = context.Command(
            "SELECT key, name FROM report_names WHERE env = $p0 AND dim = $p1 AND key IN (SELECT value FROM json_each($p2))",
            context.EnvironmentId, (int)dimension, JsonSerializer.Serialize(unknown.Select(k => k.Key))))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) read[reader.GetString(0)] = reader.GetString(1);
        foreach (var (id, key) in unknown)
        {
            var name = read.GetValueOrDefault(key);
            snapshot.Names.Put(dimension, id, name, snapshot.VisibleThrough);
            if (name is not null) names[key] = name;
        }
        return names;
    }
}
