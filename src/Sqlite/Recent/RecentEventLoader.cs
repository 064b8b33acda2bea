using GraphReports.Analytics.Events;
using GraphReports.Sqlite.Queries;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Recent;

/// <summary>Reads stored events into <see cref="RecentColumns"/>: a window's first load, then the rows stored since.</summary>
internal static class RecentEventLoader
{
    private const string Columns = """
        e.id, e.type, e.ts_ms, e.ts_sub_ms_ticks, e.user, e.session, e.asset, e.asset_folder, e.collection, e.search_kind,
        e.search_text_key, e.search_expression_key, e.search_reference, e.search_results, e.download_bulk, e.download_preset,
        e.rating, e.channel, e.search_filter_count
        """;

    /// <summary>
    /// Gives the environment's events with row ids in (<paramref name="after"/>, <paramref name="through"/>] to
    /// <paramref name="onRow"/> (type, row, distinct filter pairs). The first load (<paramref name="after"/> = 0) reads
    /// those from <paramref name="fromMs"/> on by the (env, type, ts_ms) index; later ones read the few rows stored
    /// since by row id, whatever their time (a late event still changes its key's name).
    /// </summary>
    public static int Load(SqliteConnection connection, SqliteTransaction transaction, long env, long fromMs, long after, long through,
        Action<EventType, RecentRow, long[]> onRow)
    {
        var pairs = ReadPairs(connection, transaction, env, fromMs, after, through);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = after == 0
            ? $"SELECT {Columns} FROM event e WHERE e.env = $env AND e.type IN ({FilterSql.IntList(EventTypeNames.All.Select(t => (int)t))}) AND e.ts_ms >= $from AND e.id <= $through"
            // Unary + keeps the env and time terms from choosing an index: the new rows are a row id range.
            : $"SELECT {Columns} FROM event e WHERE e.id > $after AND e.id <= $through AND +e.env = $env";
        command.Parameters.AddWithValue("$env", env);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$through", through);
        using var reader = command.ExecuteReader();
        var loaded = 0;
        var none = Array.Empty<long>();
        while (reader.Read())
        {
            var row = new RecentRow
            {
                RowId = reader.GetInt64(0),
                Ticks = DateTimeOffset.UnixEpoch.UtcTicks + reader.GetInt64(2) * TimeSpan.TicksPerMillisecond + reader.GetInt64(3),
                User = Id(reader, 4), Session = Id(reader, 5), Asset = Id(reader, 6), Folder = Id(reader, 7), Collection = Id(reader, 8),
                Kind = (byte)Id(reader, 9), TextKey = Id(reader, 10), ExpressionKey = Id(reader, 11), Reference = Id(reader, 12),
                Results = reader.IsDBNull(13) ? RecentColumns.NoResults : reader.GetInt32(13),
                Bulk = reader.IsDBNull(14) ? (sbyte)-1 : (sbyte)reader.GetInt32(14),
                Preset = Id(reader, 15), Rating = (byte)Id(reader, 16), Channel = (byte)Id(reader, 17),
            };
            onRow((EventType)reader.GetInt32(1), row, reader.GetInt32(18) > 0 && pairs.TryGetValue(row.RowId, out var list) ? list.ToArray() : none);
            loaded++;
        }
        return loaded;
    }

    private static int Id(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt32(ordinal);

    /// <summary>Each event's distinct (field, value) pairs: a search naming a pair twice counts it once.</summary>
    private static Dictionary<long, List<long>> ReadPairs(SqliteConnection connection, SqliteTransaction transaction, long env, long fromMs, long after, long through)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = after == 0
            ? "SELECT event, field, value FROM search_filter WHERE env = $env AND ts_ms >= $from AND event <= $through"
            : "SELECT event, field, value FROM search_filter WHERE event > $after AND event <= $through AND +env = $env";
        command.Parameters.AddWithValue("$env", env);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$through", through);
        using var reader = command.ExecuteReader();
        var pairs = new Dictionary<long, List<long>>();
        while (reader.Read())
        {
            var pair = ((long)reader.GetInt32(1) << 32) | (uint)reader.GetInt32(2);
            if (!pairs.TryGetValue(reader.GetInt64(0), out var list)) pairs[reader.GetInt64(0)] = list = [];
            if (!list.Contains(pair)) list.Add(pair);
        }
        return pairs;
    }
}
