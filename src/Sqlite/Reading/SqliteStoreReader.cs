using GraphReports.Analytics.Events;
using GraphReports.Sqlite.Reading;
using GraphReports.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite;

/// <summary>
/// Read access to a store file, for this process or another one while a writer runs elsewhere:
/// in WAL mode readers see the last committed state and never block the writer.
/// </summary>
public sealed class SqliteStoreReader : IDisposable
{
    private readonly SqliteStoreOptions _options;

    /// <summary>Reads the store at <paramref name="options"/>.Path (which an <see cref="SqliteEventStore"/> created).</summary>
    public SqliteStoreReader(SqliteStoreOptions options) => _options = options;

    /// <summary>
    /// A new read-only (<c>query_only</c>) connection with the schema version checked; dispose it after
    /// use (connections are pooled). Each statement sees a consistent committed snapshot; to read
    /// several statements from one snapshot use <c>BeginTransaction(deferred: true)</c> (a plain
    /// <c>BeginTransaction()</c> asks for a write lock, which <c>query_only</c> refuses).
    /// </summary>
    /// <exception cref="StoreSchemaException">The file has no schema, or one of an unknown version.</exception>
    public SqliteConnection OpenConnection()
    {
        var connection = StoreConnections.OpenReader(_options);
        try
        {
            StoreSchema.Check(connection, _options.Path);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Environment ids that have stored events, in ordinal order.</summary>
    public IReadOnlyList<string> EnvironmentIds()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM environment e WHERE EXISTS (SELECT 1 FROM event WHERE env = e.id) ORDER BY name";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Events stored in the file, all environments (the last row id: events are never deleted). Costs one index probe.</summary>
    public long CountAllEvents()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM event";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Stored events of an environment (each id once); 0 for an unknown environment.</summary>
    public long CountEvents(string environmentId)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM event WHERE env = (SELECT id FROM environment WHERE name = $env)";
        command.Parameters.AddWithValue("$env", environmentId);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Stored events of an environment per type; types without events are absent.</summary>
    public IReadOnlyDictionary<EventType, long> CountEventsByType(string environmentId)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        // Reads the (env, type, ts_ms) index only.
        command.CommandText = "SELECT type, count(*) FROM event WHERE env = (SELECT id FROM environment WHERE name = $env) GROUP BY type";
        command.Parameters.AddWithValue("$env", environmentId);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<EventType, long>();
        while (reader.Read()) counts[(EventType)reader.GetInt64(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>
    /// Every stored event of an environment, rebuilt with every field as accepted, in storage order.
    /// Streams: the connection stays open until the enumeration ends. For exports and checks, not reports.
    /// </summary>
    public IEnumerable<ActivityEvent> ReadEvents(string environmentId)
    {
        using var connection = OpenConnection();
        foreach (var e in StoredEvents.Read(connection, environmentId)) yield return e;
    }

    /// <summary>Releases pooled connections to the file (call before deleting it).</summary>
    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(StoreConnections.ConnectionString(_options, SqliteOpenMode.ReadWrite, pooling: true)));
}
