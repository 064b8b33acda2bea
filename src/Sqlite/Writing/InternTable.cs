using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// Maps strings to integer ids in a two-column table (<c>text_value</c>, <c>environment</c>), with an
/// in-memory cache in front. Ids handed out in a transaction that rolls back are forgotten
/// (<see cref="Rollback"/>), since the rows that held them no longer exist.
/// </summary>
internal sealed class InternTable : IDisposable
{
    private readonly Dictionary<string, long> _cache = new(StringComparer.Ordinal);
    private readonly List<string> _addedInTransaction = [];
    private readonly int _cacheLimit;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _insert;

    public InternTable(SqliteConnection connection, string table, string column, int cacheLimit)
    {
        _cacheLimit = cacheLimit;
        _select = Prepared(connection, $"SELECT id FROM {table} WHERE {column} = $v");
        _insert = Prepared(connection, $"INSERT INTO {table} ({column}) VALUES ($v) RETURNING id");
    }

    public void Begin(SqliteTransaction transaction)
    {
        _select.Transaction = transaction;
        _insert.Transaction = transaction;
        _addedInTransaction.Clear();
        if (_cache.Count > _cacheLimit) _cache.Clear(); // start afresh rather than track recency
    }

    public long? IdOf(string? value) => value is null ? null : Intern(value);

    public long Intern(string value)
    {
        if (_cache.TryGetValue(value, out var id)) return id;
        _select.Parameters[0].Value = value;
        if (_select.ExecuteScalar() is long existing) id = existing;
        else
        {
            _insert.Parameters[0].Value = value;
            id = (long)_insert.ExecuteScalar()!;
            _addedInTransaction.Add(value);
        }
        _cache[value] = id;
        return id;
    }

    public void Rollback()
    {
        foreach (var value in _addedInTransaction) _cache.Remove(value);
        _addedInTransaction.Clear();
    }

    public void Dispose()
    {
        _select.Dispose();
        _insert.Dispose();
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$v", SqliteType.Text));
        command.Prepare();
        return command;
    }
}
