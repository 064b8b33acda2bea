using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
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
    private readonly Dictionary<(EventType Type, int Month), (RecentColumns Columns, long Start, long End)> _partitions = [];
    private readonly RecentNameCache _names = new();
    private long _env;
    private long _loadedThrough;

    public DateTimeOffset WindowStart { get; } = windowStart;

    /// <summary>Rows held (diagnostics and benchmarks).</summary>
    public int Rows { get { lock (_lock) return _partitions.Values.Sum(p => p.Columns.Count); } }

    /// <summary>Appends what was stored since the last call, then gives the rows this snapshot sees.</summary>
    public RecentSnapshot CatchUp(SqliteConnection connection, SqliteTransaction transaction)
    {
        lock (_lock)
        {
            var through = Scalar(connection, transaction, "SELECT coalesce(max(id), 0) FROM event");
            if (_env == 0) _env = Scalar(connection, transaction, "SELECT coalesce((SELECT id FROM environment WHERE name = $name), 0)", environmentId);
            if (_env != 0 && through > _loadedThrough)
            {
                var first = _loadedThrough == 0;
                RecentEventLoader.Load(connection, transaction, _env, StoredTime.Split(WindowStart).Ms, _loadedThrough, through, (type, row, pairs) =>
                {
                    if (!first) NoteNames(row);
                    if (row.Ticks >= WindowStart.UtcTicks) Partition(type, row.Ticks).Append(row, pairs);
                });
                _loadedThrough = through;
            }
            var partitions = _partitions.Select(p => new RecentPartition(p.Key.Type, p.Value.Start, p.Value.End, p.Value.Columns.View())).ToArray();
            return new RecentSnapshot(partitions, through, _names);
        }
    }

    // A stored event may change the name of its asset, collection or reference image (report_names).
    private void NoteNames(in RecentRow row)
    {
        if (row.Asset != 0) _names.Changed(Dimension.Asset, row.Asset, row.RowId);
        if (row.Collection != 0) _names.Changed(Dimension.Collection, row.Collection, row.RowId);
        if (row.Reference != 0) _names.Changed(Dimension.ReferenceImage, row.Reference, row.RowId);
    }

    private RecentColumns Partition(EventType type, long ticks)
    {
        var at = new DateTime(ticks, DateTimeKind.Utc);
        var month = at.Year * 12 + at.Month - 1;
        if (_partitions.TryGetValue((type, month), out var partition)) return partition.Columns;
        var start = new DateTime(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        partition = (new RecentColumns(), start.Ticks, start.AddMonths(1).Ticks);
        _partitions[(type, month)] = partition;
        return partition.Columns;
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
