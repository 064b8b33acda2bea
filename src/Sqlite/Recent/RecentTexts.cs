using System.Collections.Concurrent;
using System.Text.Json;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// Strings of <c>text_value</c> ids for one batch, over a cache shared by every batch: an id's string never changes
/// (the table is only appended to), so once read it is kept. Ids are asked for with <see cref="Want"/>, read in one
/// statement by <see cref="Load"/>, then given by <see cref="Text"/>.
/// </summary>
internal sealed class RecentTexts(ConcurrentDictionary<int, string> known)
{
    private readonly HashSet<int> _wanted = [];

    public void Want(int id)
    {
        if (!known.ContainsKey(id)) _wanted.Add(id);
    }

    public void Load(RecentReadContext context)
    {
        if (_wanted.Count == 0) return;
        using var command = context.Command("SELECT id, value FROM text_value WHERE id IN (SELECT value FROM json_each($p0))", JsonSerializer.Serialize(_wanted));
        using var reader = command.ExecuteReader();
        while (reader.Read()) known[reader.GetInt32(0)] = reader.GetString(1);
        _wanted.Clear();
    }

    public string Text(int id) => known.TryGetValue(id, out var text) ? text
        : throw new InvalidOperationException($"text_value {id} is missing: the store is damaged");

    /// <summary>The ids of the given strings; a string never stored has none.</summary>
    public HashSet<int> IdsOf(IEnumerable<string> values, RecentReadContext context) =>
        Ids(context.Command("SELECT id FROM text_value WHERE value IN (SELECT value FROM json_each($p0))", JsonSerializer.Serialize(values.Distinct())));

    /// <summary>
    /// The ids of a folder and its subfolders: stored folders have no leading or trailing '/', so the subfolders of
    /// <c>a/b</c> are the range ['a/b/', 'a/b0') of <c>text_value</c>'s unique index (as the scans read it).
    /// </summary>
    public HashSet<int> FolderIds(string folder, RecentReadContext context)
    {
        var clean = folder.Trim('/');
        return Ids(context.Command("SELECT id FROM text_value WHERE value = $p0 OR (value >= $p1 AND value < $p2)", clean, clean + "/", clean + "0"));
    }

    private static HashSet<int> Ids(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        using var _ = command;
        using var reader = command.ExecuteReader();
        var ids = new HashSet<int>();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids;
    }
}
