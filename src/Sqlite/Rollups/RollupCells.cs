using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// One environment's rollup rows of one month being summed in memory, keyed by interned ids: what
/// <see cref="MonthRollupBuilder"/> computes from a month's stored events and what
/// <see cref="ReportRollupObserver"/> adds for the events of one transaction. Both write them the same
/// way, as upserts that add counts and keep the earliest search / latest download of each session:
/// onto an emptied month that is a plain insert, onto a current month it applies the transaction's
/// delta. Every row is a sum (or a min / max), so the result does not depend on how the events were
/// split into transactions.
/// </summary>
internal sealed class RollupCells
{
    private const int NoPreset = 0, Original = 1, Transformed = 2;

    private readonly Dictionary<RollupCell, CellCounts> _cells = [];
    private readonly Dictionary<long, (long? FirstSearch, long? LastDownload)> _sessions = [];
    private RollupRow[] _rows = [];
    private readonly List<(int Dim, int Type, int Class, string Key, long First)> _keys = [];

    /// <summary>Rows to write (each key's any-type row included).</summary>
    public int Rows => _cells.Count;

    /// <summary>Sessions whose first search or last download this holds.</summary>
    public int Sessions => _sessions.Count;

    public void Clear()
    {
        _cells.Clear();
        _sessions.Clear();
    }

    /// <summary>Counts one event in every dimension it has (an id of 0 = the event has no such value).</summary>
    /// <param name="e">The event.</param>
    /// <param name="filterPairs">The search's distinct (field, value) ids, or null.</param>
    public void Add(in RollupEvent e, IReadOnlyList<(long Field, long Value)>? filterPairs)
    {
        var type = (int)e.Type;
        var variant = new RollupCell(
            Dim: 0, Type: type, Kind: e.Kind,
            Bulk: e.Type == EventType.Download && e.DownloadBulk == true ? 1 : 0,
            Preset: e.DownloadBulk is null ? NoPreset : e.Preset ? Transformed : Original,
            Zero: e.Results == 0 ? 1 : 0,
            Channel: e.Channel, Key: 0, Key2: 0);
        var (rating, ticks) = (e.Rating, e.Ticks);
        Count(variant, rating, ticks);
        Count(variant with { Dim = (int)Dimension.User, Key = e.User }, rating, ticks);
        Count(variant with { Dim = (int)Dimension.Asset, Key = e.Asset }, rating, ticks);
        Count(variant with { Dim = (int)Dimension.Collection, Key = e.Collection }, rating, ticks);
        Count(variant with { Dim = (int)Dimension.Session, Key = e.Session }, rating, ticks);
        Count(variant with { Dim = (int)Dimension.SearchText, Key = e.SearchText }, rating, ticks);
        Count(variant with { Dim = (int)Dimension.Expression, Key = e.Expression }, rating, ticks);
        Count(variant with { Dim = (int)Dimension.ReferenceImage, Key = e.Reference }, rating, ticks);
        if (e.Asset != 0) Count(variant with { Dim = ReportSchema.FolderAssetDimension, Key = e.Folder, Key2 = e.Asset }, rating, ticks);
        Count(variant with { Dim = ReportSchema.DayDimension, Key = e.Day }, rating, ticks);
        if (filterPairs is not null)
            foreach (var (field, value) in filterPairs) Count(variant with { Dim = (int)Dimension.FilterPair, Key = field, Key2 = value }, rating, ticks);

        if (e.Session != 0 && e.Type is EventType.Search or EventType.Download)
        {
            ref var s = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sessions, e.Session, out _);
            if (e.Type == EventType.Search && (s.FirstSearch is null || e.Ticks < s.FirstSearch)) s.FirstSearch = e.Ticks;
            if (e.Type == EventType.Download && (s.LastDownload is null || e.Ticks > s.LastDownload)) s.LastDownload = e.Ticks;
        }
    }

    /// <summary>Counts the event in its variant's row and in the key's any-type row; a dimension the event lacks (key 0) is skipped.</summary>
    private void Count(RollupCell cell, long rating, long ticks)
    {
        if (cell.Dim != 0 && cell.Key == 0) return;
        Add(cell, rating, ticks);
        Add(cell.AnyType, rating, ticks);
    }

    private void Add(RollupCell cell, long rating, long ticks)
    {
        ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, cell, out var exists);
        counts = new CellCounts(counts.Events + 1, counts.RatingSum + rating, exists ? Math.Min(counts.First, ticks) : ticks);
    }

    /// <summary>Adds these rows to <c>report_rollup</c> and <c>report_session_month</c> (upserts, in primary-key order).</summary>
    /// <param name="connection">The writer connection, in its transaction.</param>
    /// <param name="env">The environment id.</param>
    /// <param name="monthNumber">The month (<see cref="MonthNumbers"/>).</param>
    /// <param name="textOf">The text of an interned id (0 is "").</param>
    public void Write(SqliteConnection connection, string env, int monthNumber, Func<long, string> textOf)
    {
        if (_rows.Length < _cells.Count) _rows = new RollupRow[_cells.Count];
        var n = 0;
        foreach (var (cell, counts) in _cells)
        {
            var key = cell.Dim == ReportSchema.DayDimension ? ReportSchema.DayKey((int)cell.Key) : textOf(cell.Key); // a day is no interned id
            _rows[n++] = new RollupRow(cell, key, textOf(cell.Key2), counts);
        }
        Array.Sort(_rows, 0, n, RowOrder.Instance); // in primary-key order, so that the b-tree is walked once
        using (var upsert = new RawStatement(connection, """
            INSERT INTO report_rollup (env, month, dim, type, kind, bulk, preset, zero, channel, key, key2, events, rating_sum)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT DO UPDATE SET events = events + excluded.events, rating_sum = rating_sum + excluded.rating_sum
            """))
        {
            for (var i = 0; i < n; i++)
            {
                var (cell, key, key2, (events, ratingSum, _)) = _rows[i];
                upsert.Bind(1, env);
                upsert.Bind(2, (long)monthNumber);
                upsert.Bind(3, (long)cell.Dim);
                upsert.Bind(4, (long)cell.Type);
                upsert.Bind(5, (long)cell.Kind);
                upsert.Bind(6, (long)cell.Bulk);
                upsert.Bind(7, (long)cell.Preset);
                upsert.Bind(8, (long)cell.Zero);
                upsert.Bind(9, (long)cell.Channel);
                upsert.Bind(10, key);
                upsert.Bind(11, key2);
                upsert.Bind(12, events);
                upsert.Bind(13, ratingSum);
                upsert.ExecuteChanges();
            }
        }
        WriteKeys(connection, env, monthNumber, n);
        Array.Clear(_rows, 0, n); // let the strings go
        using (var upsert = new RawStatement(connection, """
            INSERT INTO report_session_month (env, month, session, first_search, last_download) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT DO UPDATE SET
                first_search = CASE WHEN first_search IS NULL OR excluded.first_search < first_search THEN coalesce(excluded.first_search, first_search) ELSE first_search END,
                last_download = CASE WHEN last_download IS NULL OR excluded.last_download > last_download THEN coalesce(excluded.last_download, last_download) ELSE last_download END
            """))
        {
            foreach (var (session, (first, last)) in _sessions)
            {
                upsert.Bind(1, env);
                upsert.Bind(2, (long)monthNumber);
                upsert.Bind(3, textOf(session));
                upsert.Bind(4, first);
                upsert.Bind(5, last);
                upsert.ExecuteChanges();
            }
        }
    }

    /// <summary>
    /// The distinct keys of the distinct-counted dimensions per type (class 0) and of non-bulk downloads (class 1), from the
    /// rows of the variants, each with the earliest instant among them: collected, sorted in primary-key order and
    /// deduplicated in memory, so that each key row is written once and in order; a key already listed by an earlier
    /// transaction keeps the earlier of the two instants (a late event can move it back).
    /// </summary>
    private void WriteKeys(SqliteConnection connection, string env, int monthNumber, int n)
    {
        _keys.Clear();
        for (var i = 0; i < n; i++)
        {
            var (cell, key, _, counts) = _rows[i];
            if (cell.Type == 0 || !IsDistinctCounted(cell.Dim)) continue;
            _keys.Add((cell.Dim, cell.Type, 0, key, counts.First));
            if (cell.Type == (int)EventType.Download && cell.Bulk == 0) _keys.Add((cell.Dim, cell.Type, 1, key, counts.First));
        }
        _keys.Sort(static (x, y) =>
        {
            var c = x.Dim.CompareTo(y.Dim);
            if (c == 0) c = x.Type.CompareTo(y.Type);
            if (c == 0) c = x.Class.CompareTo(y.Class);
            if (c == 0) c = string.CompareOrdinal(x.Key, y.Key);
            return c != 0 ? c : x.First.CompareTo(y.First); // the earliest first: the one written
        });
        using var insert = new RawStatement(connection, """
            INSERT INTO report_rollup_keys (env, month, dim, type, class, key, first) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT DO UPDATE SET first = excluded.first WHERE excluded.first < first
            """);
        for (var i = 0; i < _keys.Count; i++)
        {
            var (dim, type, keyClass, key, first) = _keys[i];
            if (i > 0 && (_keys[i - 1].Dim, _keys[i - 1].Type, _keys[i - 1].Class, _keys[i - 1].Key) == (dim, type, keyClass, key)) continue;
            insert.Bind(1, env);
            insert.Bind(2, (long)monthNumber);
            insert.Bind(3, (long)dim);
            insert.Bind(4, (long)type);
            insert.Bind(5, (long)keyClass);
            insert.Bind(6, key);
            insert.Bind(7, first);
            insert.ExecuteChanges();
        }
        _keys.Clear();
    }

    /// <summary>The dimensions of the distinct measures (users, assets, sessions, collections).</summary>
    public static bool IsDistinctCounted(int dim) => dim is (int)Dimension.User or (int)Dimension.Asset or (int)Dimension.Session or (int)Dimension.Collection;

    /// <summary>One rollup row's identity within a month, with interned ids as keys (0 = none).</summary>
    private readonly record struct RollupCell(int Dim, int Type, int Kind, int Bulk, int Preset, int Zero, int Channel, long Key, long Key2)
    {
        /// <summary>The same key under type 0: any type, any variant (unfiltered distinct counts read one row per key).</summary>
        public RollupCell AnyType => this with { Type = 0, Kind = 0, Bulk = 0, Preset = 0, Zero = 0, Channel = 0 };
    }

    /// <summary>What one rollup row sums: its events, their ratings, and the earliest of them (UTC ticks; for the key rows).</summary>
    private readonly record struct CellCounts(long Events, long RatingSum, long First);

    /// <summary>A rollup row ready to write, its keys as text.</summary>
    private readonly record struct RollupRow(RollupCell Cell, string Key, string Key2, CellCounts Counts);

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
}

/// <summary>
/// What the rollups need of one event, as the <c>event</c> row stores it: interned ids (0 = none; the asset's
/// folder is <c>asset_folder</c>, the folder the event carried, "" being the root folder), the
/// search kind and channel (0 = none), the download's bulk flag (null = no download object) and whether it
/// names a preset, the search's result count, the rating (0 = none), the instant in UTC ticks and its day of the month
/// in the environment's zone (<see cref="LocalDays"/>).
/// </summary>
internal readonly record struct RollupEvent(
    EventType Type, long Ticks, int Day, int Kind, bool? DownloadBulk, bool Preset, long? Results, int Channel, long Rating,
    long User, long Session, long Asset, long Folder, long Collection, long SearchText, long Expression, long Reference);
