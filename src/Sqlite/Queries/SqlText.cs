using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Queries;

/// <summary>SQL text being built with its parameters (values are never spliced into the text, only small enum integers).</summary>
internal sealed class SqlText
{
    private readonly List<object?> _values = [];

    /// <summary>A placeholder for <paramref name="value"/>.</summary>
    public string Param(object? value)
    {
        _values.Add(value);
        return "$p" + (_values.Count - 1);
    }

    /// <summary>A parenthesised list of placeholders for an IN clause.</summary>
    public string List(IEnumerable<string> values) => "(" + string.Join(", ", values.Distinct().Select(Param)) + ")";

    public void Bind(SqliteCommand command)
    {
        for (var i = 0; i < _values.Count; i++) command.Parameters.AddWithValue("$p" + i, _values[i] ?? DBNull.Value);
    }
}
