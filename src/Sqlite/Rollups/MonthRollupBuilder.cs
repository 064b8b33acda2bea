using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Replaces one environment's rollups of one month with rows computed from the stored events of that
/// month (<c>event</c>, <c>search_filter</c>), and marks the month current. Runs on the writer in a
/// transaction of its own (<see cref="SqliteEventStore.RunExclusiveAsync{T}"/>), so no event arrives
/// between the read and the commit. One pass over the month: counts are summed in memory by interned
/// ids and written once per rollup row, in key order. One builder serves a whole run of months and
/// reuses its buffers, so memory is bounded by the largest month, not by the number of months.
/// </summary>
internal sealed class MonthRollupBuilder
{
    private static readonly string AllTypes = string.Join(", ", EventTypeNames.All.Select(t => (int)t));

    private readonly RollupCells _cells = new();
    private readonly Dictionary<long, List<(long Field, long Value)>> _filterPairs = [];
    private readonly Dictionary<long, string> _texts = [];
    private readonly LocalDays _days = new();

    /// <returns>The number of events the month holds.</returns>
    public int Build(SqliteConnection connection, SqliteTransaction transaction, string environmentId, int monthNumber, TimeZoneInfo zone)
    {
        _cells.Clear();
        _filterPairs.Clear();
        _texts.Clear();
        _texts[0] = "";
        var period = ZonedCalendar.PeriodOf(MonthNumbers.ToMonth(monthNumber), zone);
        var (fromMs, toMs) = (period.Start.ToUnixTimeMilliseconds(), period.End.ToUnixTimeMilliseconds());
        var env = Scalar(connection, transaction, "SELECT id FROM environment WHERE name = $p0", environmentId);
        var events = 0;
        if (env is { } key)
        {
            ReadFilterPairs(connection, key, fromMs, toMs);
            events = Aggregate(connection, key, fromMs, toMs, zone);
        }
        Write(connection, transaction, environmentId, monthNumber, zone);
        return events;
    }

    /// <summary>The distinct (field, value) pairs of each search of the month: a search naming a pair twice counts it once.</summary>
    private void ReadFilterPairs(SqliteConnection connection, long env, long fromMs, long toMs)
    {
        using var query = new RawStatement(connection, "SELECT event, field, value FROM search_filter WHERE env = ?1 AND ts_ms >= ?2 AND ts_ms < ?3");
        query.Bind(1, env);
        query.Bind(2, fromMs);
        query.Bind(3, toMs);
        while (query.Read())
        {
            var eventRow = query.Int64(0);
            if (!_filterPairs.TryGetValue(eventRow, out var list)) _filterPairs[eventRow] = list = [];
            var pair = (query.Int64(1), query.Int64(2));
            if (!list.Contains(pair)) list.Add(pair);
        }
        query.Reset();
    }

    private int Aggregate(SqliteConnection connection, long env, long fromMs, long toMs, TimeZoneInfo zone)
    {
        using var query = new RawStatement(connection, $"""
            SELECT id, type, ts_ms * 10000 + ts_sub_ms_ticks, user, session, asset, collection, search_kind, search_text_key,
                   search_expression_key, search_reference, search_results, download_bulk, download_preset, rating, channel, asset_folder
            FROM event WHERE env = ?1 AND type IN ({AllTypes}) AND ts_ms >= ?2 AND ts_ms < ?3
            """);
        query.Bind(1, env);
        query.Bind(2, fromMs);
        query.Bind(3, toMs);
        var count = 0;
        while (query.Read())
        {
            count++;
            var bulk = query.NullableInt64(12);
            var ticks = query.Int64(2) + DateTimeOffset.UnixEpoch.UtcTicks;
            var e = new RollupEvent(
                Type: (EventType)query.Int64(1), Ticks: ticks, Day: _days.DayOf(ticks, zone),
                Kind: (int)query.Int64(7), DownloadBulk: bulk is null ? null : bulk == 1, Preset: query.NullableInt64(13) is not null,
                Results: query.NullableInt64(11), Channel: (int)query.Int64(15), Rating: query.Int64(14),
                User: query.Int64(3), Session: query.Int64(4), Asset: query.Int64(5), Folder: query.Int64(16), Collection: query.Int64(6), // interned ids start at 1: 0 is NULL
                SearchText: query.Int64(8), Expression: query.Int64(9), Reference: query.Int64(10));
            _cells.Add(e, _filterPairs.GetValueOrDefault(query.Int64(0)));
        }
        query.Reset();
        return count;
    }

    private void Write(SqliteConnection connection, SqliteTransaction transaction, string env, int monthNumber, TimeZoneInfo zone)
    {
        Execute(connection, transaction, "DELETE FROM report_rollup WHERE env = $p0 AND month = $p1", env, monthNumber);
        Execute(connection, transaction, "DELETE FROM report_session_month WHERE env = $p0 AND month = $p1", env, monthNumber);
        Execute(connection, transaction, "DELETE FROM report_rollup_keys WHERE env = $p0 AND month = $p1", env, monthNumber);
        using (var texts = new RawStatement(connection, "SELECT value FROM text_value WHERE id = ?1"))
            _cells.Write(connection, env, monthNumber, id => TextValues.Of(texts, _texts, id));
        Execute(connection, transaction, """
            INSERT INTO report_rollup_month (env, month, zone, current) VALUES ($p0, $p1, $p2, 1)
            ON CONFLICT DO UPDATE SET zone = excluded.zone, current = 1
            """, env, monthNumber, zone.Id);
    }

    private static long? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params object[] values)
    {
        using var command = Prepare(connection, transaction, sql, values);
        return command.ExecuteScalar() is long value ? value : null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params object[] values)
    {
        using var command = Prepare(connection, transaction, sql, values);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, object[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue("$p" + i, values[i]);
        return command;
    }
}
