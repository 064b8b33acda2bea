using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// One environment's events from a window's start on, kept in memory column by column and brought up to date at the
/// start of each batch from the batch's own SQLite snapshot. The store only ever appends events (row ids grow with
/// each commit of its one writer, nothing is deleted), so the rows stored since the last batch are a row id range.
/// </summary>
internal sealed class RecentEnvironment(string environmentId, DateTimeOffset windowStart)
{
    private readonly Lock _lock = new();
    private readonly RecentColumns?[] _byType = new RecentColumns?[16];
    private long _env;
    private long _loadedThrough;

    public DateTimeOffset WindowStart { get; } = windowStart;

    /// <summary>Rows held (diagnostics and benchmarks).</summary>
    public int Rows { get { lock (_lock) return _byType.Sum(c => c?.Count ?? 0); } }

    /// <summary>Appends what was stored since the last call, then gives the rows this snapshot sees.</summary>
    public RecentSnapshot CatchUp(SqliteConnection connection, SqliteTransaction transaction)
    {
        lock (_lock)
        {
            var through = Scalar(connection, transaction, "SELECT coalesce(max(id), 0) FROM event");
            if (_env == 0) _env = Scalar(connection, transaction, "SELECT coalesce((SELECT id FROM environment WHERE name = $name), 0)", environmentId);
            if (_env != 0 && through > _loadedThrough)
            {
                var fromMs = StoredTime.Split(WindowStart).Ms;
                RecentEventLoader.Load(connection, transaction, _env, fromMs, _loadedThrough, through, _byType);
                _loadedThrough = through;
            }
            return new RecentSnapshot(_byType.Select(c => c?.View()).ToArray(), through);
        }
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string? name = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (name is not null) command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
