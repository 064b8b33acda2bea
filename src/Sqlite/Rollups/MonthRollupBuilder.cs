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
/// ids and written once per rollup row, in key order.
/// </summary>
internal static class MonthRollupBuilder
{
    private const int NoPreset = 0, Original = 1, Transformed = 2;
    private static readonly string AllTypes = string.Join(", ", EventTypeNames.All.Select(t => (int)t));

    /// <returns>The number of events the month holds.</returns>
    public static int Build(SqliteConnection connection, SqliteTransaction transaction, string environmentId, int monthNumber, TimeZoneInfo zone)
    {
        var period = ZonedCalendar.PeriodOf(MonthNumbers.ToMonth(monthNumber), zone);
        var month = new MonthRange(connection, transaction, environmentId, period.Start.ToUnixTimeMilliseconds(), period.End.ToUnixTimeMilliseconds());
        var cells = new Dictionary<RollupCell, (long Events, long RatingSum)>();
        var sessions = new Dictionary<long, (long? FirstSearch, long? LastDownload)>();
        var filters = month.EnvironmentKey is null ? [] : ReadFilterPairs(month);
        var events = month.EnvironmentKey is null ? 0 : Aggregate(month, filters, cells, sessions);
        Write(month, monthNumber, zone, cells, sessions);
        return events;
    }

    /// <summary>One rollup row's identity within a month, with interned ids as keys (0 = none).</summary>
    private readonly record struct RollupCell(int Dim, int Type, int Kind, int Bulk, int Preset, int Zero, int Channel, long Key, long Key2)
    {
        /// <summary>The same key under type 0: any type, any variant (unfiltered distinct counts read one row per key).</summary>
        public RollupCell AnyType => this with { Type = 0, Kind = 0, Bulk = 0, Preset = 0, Zero = 0, Channel = 0 };
    }

    private sealed record MonthRange(SqliteConnection Connection, SqliteTransaction Transaction, string EnvironmentId, long FromMs, long ToMs)
    {
        public long? EnvironmentKey { get; } = Scalar(Connection, Transaction, "SELECT id FROM environment WHERE name = $p0", EnvironmentId);

        public SqliteCommand Command(string sql)
        {
            var command = Connection.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$env", (object?)EnvironmentKey ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", FromMs);
            command.Parameters.AddWithValue("$to", ToMs);
            return command;
        }
    }

    /// <summary>The distinct (field, value) pairs of each search of the month: a search naming a pair twice counts it once.</summary>
    private static Dictionary<long, List<(long Field, long Value)>> ReadFilterPairs(MonthRange month)
    {
        var pairs = new Dictionary<long, List<(long, long)>>();
        using var command = month.Command("SELECT event, field, value FROM search_filter WHERE env = $env AND ts_ms >= $from AND ts_ms < $to");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var eventRow = reader.GetInt64(0);
            if (!pairs.TryGetValue(eventRow, out var list)) pairs[eventRow] = list = [];
            var pair = (reader.GetInt64(1), reader.GetInt64(2));
            if (!list.Contains(pair)) list.Add(pair);
        }
        return pairs;
    }

    private static int Aggregate(
        MonthRange month, Dictionary<long, List<(long Field, long Value)>> filters,
        Dictionary<RollupCell, (long Events, long RatingSum)> cells, Dictionary<long, (long? FirstSearch, long? LastDownload)> sessions)
    {
        using var command = month.Command($"""
            SELECT id, type, ts_ms * 10000 + ts_sub_ms_ticks, user, session, asset, collection, search_kind, search_text_key,
                   search_expression_key, search_reference, search_results, download_bulk, download_preset, rating, channel
            FROM event WHERE env = $env AND type IN ({AllTypes}) AND ts_ms >= $from AND ts_ms < $to
            """);
        using var r = command.ExecuteReader();
        long Id(int column) => r.IsDBNull(column) ? 0 : r.GetInt64(column);
        var count = 0;
        while (r.Read())
        {
            count++;
            var type = r.GetInt32(1);
            var ticks = r.GetInt64(2) + DateTimeOffset.UnixEpoch.UtcTicks;
            var bulkColumn = r.IsDBNull(12) ? (long?)null : r.GetInt64(12);
            var variant = new RollupCell(
                Dim: 0, Type: type, Kind: (int)Id(7),
                Bulk: type == (int)EventType.Download && bulkColumn == 1 ? 1 : 0,
                Preset: bulkColumn is null ? NoPreset : r.IsDBNull(13) ? Original : Transformed,
                Zero: !r.IsDBNull(11) && r.GetInt64(11) == 0 ? 1 : 0,
                Channel: (int)Id(15), Key: 0, Key2: 0);
            var rating = Id(14);

            void Count(Dimension? dim, long key, long key2 = 0)
            {
                if (key == 0 && dim is not null) return;
                var cell = variant with { Dim = dim is { } d ? (int)d : 0, Key = key, Key2 = key2 };
                Add(cells, cell, rating);
                Add(cells, cell.AnyType, rating);
            }

            Count(null, 0);
            Count(Dimension.User, Id(3));
            Count(Dimension.Asset, Id(5));
            Count(Dimension.Collection, Id(6));
            var session = Id(4);
            Count(Dimension.Session, session);
            Count(Dimension.SearchText, Id(8));
            Count(Dimension.Expression, Id(9));
            Count(Dimension.ReferenceImage, Id(10));
            if (filters.TryGetValue(r.GetInt64(0), out var pairs))
                foreach (var (field, value) in pairs) Count(Dimension.FilterPair, field, value);

            if (session != 0 && type is (int)EventType.Search or (int)EventType.Download)
            {
                var (first, last) = sessions.GetValueOrDefault(session);
                if (type == (int)EventType.Search && (first is null || ticks < first)) first = ticks;
                if (type == (int)EventType.Download && (last is null || ticks > last)) last = ticks;
                sessions[session] = (first, last);
            }
        }
        return count;
    }

    private static void Add(Dictionary<RollupCell, (long Events, long RatingSum)> cells, RollupCell cell, long rating)
    {
        var (events, ratings) = cells.GetValueOrDefault(cell);
        cells[cell] = (events + 1, ratings + rating);
    }

    private static void Write(
        MonthRange month, int monthNumber, TimeZoneInfo zone,
        Dictionary<RollupCell, (long Events, long RatingSum)> cells, Dictionary<long, (long? FirstSearch, long? LastDownload)> sessions)
    {
        var (connection, transaction, env) = (month.Connection, month.Transaction, month.EnvironmentId);
        Execute(connection, transaction, "DELETE FROM report_rollup WHERE env = $p0 AND month = $p1", env, monthNumber);
        Execute(connection, transaction, "DELETE FROM report_session_month WHERE env = $p0 AND month = $p1", env, monthNumber);

        var texts = new TextLookup(connection);
        using (var insert = new RawStatement(connection, """
            INSERT INTO report_rollup (env, month, dim, type, kind, bulk, preset, zero, channel, key, key2, events, rating_sum)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """))
        {
            // In primary-key order, so that every insert appends to the table's b-tree.
            var rows = cells.Select(c => (Cell: c.Key, Key: texts.Of(c.Key.Key), Key2: texts.Of(c.Key.Key2), c.Value))
                .OrderBy(x => (x.Cell.Dim, x.Cell.Type, x.Cell.Kind, x.Cell.Bulk, x.Cell.Preset, x.Cell.Zero, x.Cell.Channel))
                .ThenBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Key2, StringComparer.Ordinal);
            foreach (var (cell, key, key2, (events, ratingSum)) in rows)
            {
                insert.Bind(1, env);
                insert.Bind(2, (long)monthNumber);
                insert.Bind(3, (long)cell.Dim);
                insert.Bind(4, (long)cell.Type);
                insert.Bind(5, (long)cell.Kind);
                insert.Bind(6, (long)cell.Bulk);
                insert.Bind(7, (long)cell.Preset);
                insert.Bind(8, (long)cell.Zero);
                insert.Bind(9, (long)cell.Channel);
                insert.Bind(10, key);
                insert.Bind(11, key2);
                insert.Bind(12, events);
                insert.Bind(13, ratingSum);
                insert.ExecuteChanges();
            }
        }
        using (var insert = new RawStatement(connection,
            "INSERT INTO report_session_month (env, month, session, first_search, last_download) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var (session, (first, last)) in sessions.Select(s => (texts.Of(s.Key), s.Value)).OrderBy(s => s.Item1, StringComparer.Ordinal))
            {
                insert.Bind(1, env);
                insert.Bind(2, (long)monthNumber);
                insert.Bind(3, session);
                insert.Bind(4, first);
                insert.Bind(5, last);
                insert.ExecuteChanges();
            }
        }
        texts.Dispose();
        Execute(connection, transaction, """
            INSERT INTO report_rollup_month (env, month, zone, current) VALUES ($p0, $p1, $p2, 1)
            ON CONFLICT DO UPDATE SET zone = excluded.zone, current = 1
            """, env, monthNumber, zone.Id);
    }

    /// <summary>Interned id to string, each id looked up once; 0 is the empty key.</summary>
    private sealed class TextLookup(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<long, string> _texts = new() { [0] = "" };
        private readonly RawStatement _select = new(connection, "SELECT value FROM text_value WHERE id = ?1");

        public string Of(long id)
        {
            if (_texts.TryGetValue(id, out var text)) return text;
            _select.Bind(1, id);
            return _texts[id] = _select.ExecuteText() ?? throw new InvalidOperationException($"text_value {id} is missing: the store is damaged");
        }

        public void Dispose() => _select.Dispose();
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
