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
    private const int NoPreset = 0, Original = 1, Transformed = 2;
    private static readonly string AllTypes = string.Join(", ", EventTypeNames.All.Select(t => (int)t));

    private readonly Dictionary<RollupCell, (long Events, long RatingSum)> _cells = [];
    private readonly Dictionary<long, (long? FirstSearch, long? LastDownload)> _sessions = [];
    private readonly Dictionary<long, List<(long Field, long Value)>> _filterPairs = [];
    private readonly Dictionary<long, string> _texts = [];
    private RollupRow[] _rows = [];

    /// <summary>One rollup row's identity within a month, with interned ids as keys (0 = none).</summary>
    private readonly record struct RollupCell(int Dim, int Type, int Kind, int Bulk, int Preset, int Zero, int Channel, long Key, long Key2)
    {
        /// <summary>The same key under type 0: any type, any variant (unfiltered distinct counts read one row per key).</summary>
        public RollupCell AnyType => this with { Type = 0, Kind = 0, Bulk = 0, Preset = 0, Zero = 0, Channel = 0 };
    }

    /// <summary>A rollup row ready to insert, its keys as text.</summary>
    private readonly record struct RollupRow(RollupCell Cell, string Key, string Key2, long Events, long RatingSum);

    /// <returns>The number of events the month holds.</returns>
    public int Build(SqliteConnection connection, SqliteTransaction transaction, string environmentId, int monthNumber, TimeZoneInfo zone)
    {
        _cells.Clear();
        _sessions.Clear();
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
            events = Aggregate(connection, key, fromMs, toMs);
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

    private int Aggregate(SqliteConnection connection, long env, long fromMs, long toMs)
    {
        using var query = new RawStatement(connection, $"""
            SELECT id, type, ts_ms * 10000 + ts_sub_ms_ticks, user, session, asset, collection, search_kind, search_text_key,
                   search_expression_key, search_reference, search_results, download_bulk, download_preset, rating, channel
            FROM event WHERE env = ?1 AND type IN ({AllTypes}) AND ts_ms >= ?2 AND ts_ms < ?3
            """);
        query.Bind(1, env);
        query.Bind(2, fromMs);
        query.Bind(3, toMs);
        var count = 0;
        while (query.Read())
        {
            count++;
            var type = (int)query.Int64(1);
            var ticks = query.Int64(2) + DateTimeOffset.UnixEpoch.UtcTicks;
            var bulkColumn = query.NullableInt64(12);
            var variant = new RollupCell(
                Dim: 0, Type: type, Kind: (int)query.Int64(7),
                Bulk: type == (int)EventType.Download && bulkColumn == 1 ? 1 : 0,
                Preset: bulkColumn is null ? NoPreset : query.NullableInt64(13) is null ? Original : Transformed,
                Zero: query.NullableInt64(11) == 0 ? 1 : 0,
                Channel: (int)query.Int64(15), Key: 0, Key2: 0);
            var rating = query.Int64(14);
            var session = query.Int64(4); // interned ids start at 1: 0 is NULL

            Count(variant, rating);
            Count(variant with { Dim = (int)Dimension.User, Key = query.Int64(3) }, rating);
            Count(variant with { Dim = (int)Dimension.Asset, Key = query.Int64(5) }, rating);
            Count(variant with { Dim = (int)Dimension.Collection, Key = query.Int64(6) }, rating);
            Count(variant with { Dim = (int)Dimension.Session, Key = session }, rating);
            Count(variant with { Dim = (int)Dimension.SearchText, Key = query.Int64(8) }, rating);
            Count(variant with { Dim = (int)Dimension.Expression, Key = query.Int64(9) }, rating);
            Count(variant with { Dim = (int)Dimension.ReferenceImage, Key = query.Int64(10) }, rating);
            if (_filterPairs.TryGetValue(query.Int64(0), out var pairs))
                foreach (var (field, value) in pairs) Count(variant with { Dim = (int)Dimension.FilterPair, Key = field, Key2 = value }, rating);

            if (session != 0 && type is (int)EventType.Search or (int)EventType.Download)
            {
                var (first, last) = _sessions.GetValueOrDefault(session);
                if (type == (int)EventType.Search && (first is null || ticks < first)) first = ticks;
                if (type == (int)EventType.Download && (last is null || ticks > last)) last = ticks;
                _sessions[session] = (first, last);
            }
        }
        query.Reset();
        return count;
    }

    /// <summary>Counts the event in its variant's row and in the key's any-type row; a dimension the event lacks (key 0) is skipped.</summary>
    private void Count(RollupCell cell, long rating)
    {
        if (cell.Dim != 0 && cell.Key == 0) return;
        Add(cell, rating);
        Add(cell.AnyType, rating);
    }

    private void Add(RollupCell cell, long rating)
    {
        ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, cell, out _);
        counts = (counts.Events + 1, counts.RatingSum + rating);
    }

    private void Write(SqliteConnection connection, SqliteTransaction transaction, string env, int monthNumber, TimeZoneInfo zone)
    {
        Execute(connection, transaction, "DELETE FROM report_rollup WHERE env = $p0 AND month = $p1", env, monthNumber);
        Execute(connection, transaction, "DELETE FROM report_session_month WHERE env = $p0 AND month = $p1", env, monthNumber);
        using var texts = new RawStatement(connection, "SELECT value FROM text_value WHERE id = ?1");
        string Text(long id)
        {
            if (_texts.TryGetValue(id, out var text)) return text;
            texts.Bind(1, id);
            return _texts[id] = texts.ExecuteText() ?? throw new InvalidOperationException($"text_value {id} is missing: the store is damaged");
        }

        // In primary-key order, so that every insert appends to the table's b-tree.
        if (_rows.Length < _cells.Count) _rows = new RollupRow[_cells.Count];
        var n = 0;
        foreach (var (cell, (events, ratingSum)) in _cells) _rows[n++] = new RollupRow(cell, Text(cell.Key), Text(cell.Key2), events, ratingSum);
        Array.Sort(_rows, 0, n, RowOrder.Instance);
        using (var insert = new RawStatement(connection, """
            INSERT INTO report_rollup (env, month, dim, type, kind, bulk, preset, zero, channel, key, key2, events, rating_sum)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """))
        {
            for (var i = 0; i < n; i++)
            {
                var (cell, key, key2, events, ratingSum) = _rows[i];
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
        Array.Clear(_rows, 0, n); // let the strings go
        using (var insert = new RawStatement(connection,
            "INSERT INTO report_session_month (env, month, session, first_search, last_download) VALUES (?1, ?2, ?3, ?4, ?5)"))
        {
            foreach (var (session, (first, last)) in _sessions)
            {
                insert.Bind(1, env);
                insert.Bind(2, (long)monthNumber);
                insert.Bind(3, Text(session));
                insert.Bind(4, first);
                insert.Bind(5, last);
                insert.ExecuteChanges();
            }
        }
        Execute(connection, transaction, """
            INSERT INTO report_rollup_month (env, month, zone, current) VALUES ($p0, $p1, $p2, 1)
            ON CONFLICT DO UPDATE SET zone = excluded.zone, current = 1
            """, env, monthNumber, zone.Id);
    }

    /// <summary>The primary key's order of report_rollup within one (env, month): variant columns, then key and second key (ordinal).</summary>
    private sealed class RowOrder : IComparer<RollupRow>
    {
        public static readonly RowOrder Instance = new();

        public int Compare(RollupRow x, RollupRow y)
        {
            var (a, b) = (x.Cell, y.Cell);
            var c = a.Dim.CompareTo(b.Dim);
            if (c == 0) c = a.Type.CompareTo(b.Type);
            if (c == 0) c = a.Kind.CompareTo(b.Kind);
            if (c == 0) c = a.Bulk.CompareTo(b.Bulk);
            if (c == 0) c = a.Preset.CompareTo(b.Preset);
            if (c == 0) c = a.Zero.CompareTo(b.Zero);
            if (c == 0) c = a.Channel.CompareTo(b.Channel);
            if (c == 0) c = string.CompareOrdinal(x.Key, y.Key);
            if (c == 0) c = string.CompareOrdinal(x.Key2, y.Key2);
            return c;
        }
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
