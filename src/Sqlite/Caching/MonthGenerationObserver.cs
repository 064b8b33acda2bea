using GraphReports.Sqlite.Rollups;
using GraphReports.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Caching;

/// <summary>
/// Keeps <c>cache_generation</c>: per (environment, month), a random token replaced in the write
/// transaction of every batch that stores an event of that month. Caches in any process reading the
/// same file key their answers by it (<see cref="SqliteMonthGenerations"/>), so an event committed by
/// another process (the Indexer) makes the Api's cached answers about its month unreachable at once.
/// </summary>
/// <remarks>
/// Random rather than counted: a file restored from a backup goes back to tokens that were current
/// when its data was, never to a number that later meant other data. One upsert per month touched by
/// a transaction, not per event.
/// </remarks>
public sealed class MonthGenerationObserver(Func<string, TimeZoneInfo> zoneOf) : IInsertObserver, IDisposable
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS cache_generation (
            env TEXT NOT NULL, month INTEGER NOT NULL, generation INTEGER NOT NULL,
            PRIMARY KEY (env, month)) WITHOUT ROWID;
        """;

    private readonly TouchedMonths _months = new(zoneOf);
    private readonly HashSet<(string Env, int Month)> _touched = [];
    private RawStatement? _bump;

    public void Initialize(SqliteConnection connection)
    {
        StoreConnections.Execute(connection, Ddl);
        _bump = new RawStatement(connection, """
            INSERT INTO cache_generation (env, month, generation) VALUES (?1, ?2, random())
            ON CONFLICT DO UPDATE SET generation = random()
            """);
    }

    public void OnInserted(SqliteConnection connection, SqliteTransaction transaction, in InsertedEvent inserted) =>
        _touched.Add((inserted.EnvironmentId, _months.MonthOf(inserted.EnvironmentId, inserted.Event.Timestamp)));

    public void OnCommitting(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var (env, month) in _touched)
        {
            _bump!.Bind(1, env);
            _bump.Bind(2, (long)month);
            _bump.ExecuteChanges();
        }
        _touched.Clear();
    }

    public void OnRolledBack() => _touched.Clear();

    public void Dispose() => _bump?.Dispose();
}
