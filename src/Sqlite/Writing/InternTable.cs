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
    private readonly RawStatement _select;
    private readonly RawStatement _insert;

    public InternTable(SqliteConnection connection, string table, string column, int cacheLimit)
    {
        _cacheLimit = cacheLimit;
        _select = new RawStatement(connection, $"SELECT id FROM {table} WHERE {column} = ?1");
        _insert = new RawStatement(connection, $"INSERT INTO {table} ({column}) VALUES (?1) ON CONFLICT DO NOTHING");
    }

    /// <summary>Called as a transaction starts.</summary>
    public void Begin()
    {
        _addedInTransaction.Clear();
        if (_cache.Count > _cacheLimit) _cache.Clear(); // start afresh rather than track recency
    }

    public long? IdOf(string? value) => value is null ? null : Intern(value);

    public long Intern(string value)
    {
        if (_cache.TryGetValue(value, out var id)) return id;
        // Insert first: a string missing from the cache is usually new; only when it was stored
        // already (an earlier run, another writer) does the lookup run.
        _insert.Bind(1, value);
        if (_insert.ExecuteInsert() is { } inserted)
        {
            id = inserted;
            _addedInTransaction.Add(value);
        }
        else
        {
            _select.Bind(1, value);
            id = _select.ExecuteInt64()!.Value;
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
}
