using GraphReports.Sqlite.Writing;

namespace GraphReports.Sqlite.Rollups;

/// <summary>Turns the interned ids of rollup keys back into their text (<c>text_value</c>), remembering each.</summary>
internal static class TextValues
{
    /// <param name="lookup">A prepared <c>SELECT value FROM text_value WHERE id = ?1</c>.</param>
    /// <param name="known">Texts already looked up; id 0 (no value) must map to "".</param>
    /// <param name="id">The id.</param>
    public static string Of(RawStatement lookup, Dictionary<long, string> known, long id)
    {
        if (known.TryGetValue(id, out var text)) return text;
        lookup.Bind(1, id);
        return known[id] = lookup.ExecuteText() ?? throw new InvalidOperationException($"text_value {id} is missing: the store is damaged");
    }
}
