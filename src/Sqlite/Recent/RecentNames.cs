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
    /// <summary>The display name of each key, by position (null: none).</summary>
    public static string?[] Of(RecentReadContext context, RecentSnapshot snapshot, Dimension dimension, IReadOnlyList<(int Id, string Key)> keys)
    {
        var names = new string?[keys.Count];
        if (!DimensionSql.HasNames(dimension) || keys.Count == 0) return names;
        var unknown = snapshot.Names.TryGetAll(dimension, keys.Select(k => k.Id).ToArray(), snapshot.VisibleThrough, names);
        if (unknown.Count == 0) return names;
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = context.Command(
            "SELECT key, name FROM report_names WHERE env = $p0 AND dim = $p1 AND key IN (SELECT value FROM json_each($p2))",
            context.EnvironmentId, (int)dimension, JsonSerializer.Serialize(unknown.Select(i => keys[i].Key))))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) read[reader.GetString(0)] = reader.GetString(1);
        foreach (var i in unknown)
        {
            var (id, key) = keys[i];
            names[i] = read.GetValueOrDefault(key);
            snapshot.Names.Put(dimension, id, names[i], snapshot.VisibleThrough);
        }
        return names;
    }
}
