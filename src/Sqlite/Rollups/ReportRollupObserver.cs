using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Plugs the reports into the store's writer: pass it to <see cref="SqliteEventStore.Open"/> (hosts use
/// <see cref="ReportingStore.Open"/>). In the write transaction of every batch it keeps the latest display
/// names in <c>report_names</c> and, for each month that received events:
/// <list type="bullet">
/// <item>when the month's rollups are current (built in the environment's zone), adds the transaction's
/// events to them: counts summed in memory per rollup row and written once per row at commit, so the month
/// stays current and reports keep reading its small rollup tables (the open month above all);</item>
/// <item>otherwise, or when one transaction brings that month more than <c>maxDeltaRows</c> rollup rows
/// (a bulk import), marks it stale (<c>report_rollup_month.current = 0</c>): reports scan its events until
/// <see cref="ReportRollups"/> rebuilds it in one pass, which is far cheaper than upserting per event
/// (bench/RESULTS.md, "Ingest").</item>
/// </list>
/// The store calls it only for events it inserted (never for duplicates) and on the writer thread, in the
/// transaction that inserts them: the rollups commit or roll back with the events, and are exact.
/// </summary>
public sealed class ReportRollupObserver : IInsertObserver, IDisposable
{
    /// <summary>Default of the constructor's <c>maxDeltaRows</c>.</summary>
    public const int DefaultMaxDeltaRows = 50_000;

    private const int KnownTextsLimit = 200_000;

    private readonly TouchedMonths _months;
    private readonly int _maxDeltaRows;
    private readonly PendingNames _names = new();
    private readonly LocalDays _days = new();
    private readonly Dictionary<(string Env, int Month), RollupCells?> _deltas = [];
    private readonly Stack<RollupCells> _freeCells = new();
    private readonly Dictionary<long, string> _knownTexts = new() { [0] = "" };
    private readonly Dictionary<string, long> _localIds = new(StringComparer.Ordinal); // filter strings and folders, as ids below 0
    private readonly Dictionary<long, string> _localTexts = [];
    private readonly List<(long Field, long Value)> _pairs = [];
    private RawStatement? _markStale;
    private RawStatement? _upsertName;
    private RawStatement? _monthState;
    private RawStatement? _textOf;

    /// <param name="zoneOf">The time zone of an environment (its months are rolled up in it).</param>
    /// <param name="maxDeltaRows">Most rollup rows one transaction may add to one current month; above it the month goes stale instead.</param>
    public ReportRollupObserver(Func<string, TimeZoneInfo> zoneOf, int maxDeltaRows = DefaultMaxDeltaRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDeltaRows);
        _months = new TouchedMonths(zoneOf);
        _maxDeltaRows = maxDeltaRows;
    }

    public void Initialize(SqliteConnection connection)
    {
        ReportSchema.Create(connection);
        _markStale = new RawStatement(connection, """
            INSERT INTO report_rollup_month (env, month, zone, current) VALUES (?1, ?2, ?3, 0)
            ON CONFLICT DO UPDATE SET current = 0 WHERE current = 1
            """);
        // The most recent name wins; at equal timestamps the greater id, so the outcome does not depend on arrival order.
        _upsertName = new RawStatement(connection, """
            INSERT INTO report_names (env, dim, key, name, ts, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT DO UPDATE SET name = excluded.name, ts = excluded.ts, id = excluded.id
            WHERE excluded.ts > report_names.ts OR (excluded.ts = report_names.ts AND excluded.id > report_names.id)
            """);
        _monthState = new RawStatement(connection, "SELECT current FROM report_rollup_month WHERE env = ?1 AND month = ?2 AND zone = ?3");
        _textOf = new RawStatement(connection, "SELECT value FROM text_value WHERE id = ?1");
    }

    public void OnInserted(SqliteConnection connection, SqliteTransaction transaction, in InsertedEvent inserted)
    {
        var e = inserted.Event;
        var (env, envKey, keys) = (inserted.EnvironmentId, inserted.EnvironmentKey, inserted.Keys);
        var ticks = e.Timestamp.UtcTicks;
        AddToMonth(env, _months.MonthOf(env, e.Timestamp), e, keys);
        if (e.Asset is { } asset) _names.Add(envKey, env, Dimension.Asset, keys.Asset!.Value, asset.Id, asset.Name, ticks, e.Id);
        if (e.Collection is { } collection) _names.Add(envKey, env, Dimension.Collection, keys.Collection!.Value, collection.Id, collection.Name, ticks, e.Id);
        if (e.Search?.Reference is { } reference)
            _names.Add(envKey, env, Dimension.ReferenceImage, keys.SearchReference!.Value, reference.Id, reference.Name, ticks, e.Id);
    }

    /// <summary>Adds the event to its month's delta when that month's rollups are current; remembers the month either way.</summary>
    private void AddToMonth(string env, int month, ActivityEvent e, in EventKeys keys)
    {
        ref var cells = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_deltas, (env, month), out var seen);
        if (!seen) cells = IsCurrent(env, month) && _maxDeltaRows > 0 ? Rent() : null;
        if (cells is null) return;
        var search = e.Search;
        cells.Add(new RollupEvent(
            Type: e.Type, Ticks: e.Timestamp.UtcTicks, Day: _days.DayOf(e.Timestamp.UtcTicks, _months.ZoneOf(env)), Kind: (int?)search?.Kind ?? 0,
            DownloadBulk: e.Download?.Bulk, Preset: e.Download?.Preset is not null, Results: search?.Results,
            Channel: (int?)e.Channel ?? 0, Rating: e.Rating ?? 0,
            User: keys.User ?? 0, Session: keys.Session ?? 0, Asset: keys.Asset ?? 0, Folder: e.Asset?.Folder is { } folder ? LocalId(folder) : 0, Collection: keys.Collection ?? 0,
            SearchText: keys.SearchTextKey ?? 0, Expression: keys.SearchExpressionKey ?? 0, Reference: keys.SearchReference ?? 0),
            search is { Filters.Count: > 0 } ? FilterPairs(search.Filters) : null);
        if (cells.Rows + cells.Sessions > _maxDeltaRows)
        {
            // A bulk load: one rebuild of the month later costs less than upserting this many rows now.
            Return(cells);
            cells = null;
        }
    }

    /// <summary>Whether the month's rollups count exactly the events stored before this transaction, in the environment's zone.</summary>
    private bool IsCurrent(string env, int month)
    {
        var s = _monthState!;
        s.Bind(1, env);
        s.Bind(2, (long)month);
        s.Bind(3, _months.ZoneOf(env).Id);
        return s.ExecuteInt64() == 1;
    }

    /// <summary>The search's distinct (field, value) pairs, as ids local to this observer (the rollups key them by text).</summary>
    private List<(long, long)> FilterPairs(IReadOnlyList<SearchFilter> filters)
    {
        _pairs.Clear();
        foreach (var filter in filters)
        {
            var pair = (LocalId(filter.Field), LocalId(filter.Value));
            if (!_pairs.Contains(pair)) _pairs.Add(pair);
        }
        return _pairs;
    }

    private long LocalId(string text)
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_localIds, text, out var exists);
        if (!exists)
        {
            id = -1 - _localTexts.Count;
            _localTexts[id] = text;
        }
        return id;
    }

    private string TextOf(long id)
    {
        if (id < 0) return _localTexts[id];
        if (_knownTexts.Count > KnownTextsLimit)
        {
            _knownTexts.Clear();
            _knownTexts[0] = "";
        }
        return TextValues.Of(_textOf!, _knownTexts, id);
    }

    public void OnCommitting(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var ((env, month), cells) in _deltas)
        {
            if (cells is not null)
            {
                cells.Write(connection, env, month, TextOf);
                continue;
            }
            _markStale!.Bind(1, env);
            _markStale.Bind(2, (long)month);
            _markStale.Bind(3, _months.ZoneOf(env).Id);
            _markStale.ExecuteChanges();
        }
        foreach (var (env, dim, key, name, ticks, id) in _names.All)
        {
            var s = _upsertName!;
            s.Bind(1, env);
            s.Bind(2, (long)dim);
            s.Bind(3, key);
            s.Bind(4, name);
            s.Bind(5, ticks);
            s.Bind(6, id);
            s.ExecuteChanges();
        }
        Clear();
    }

    // The text cache may hold ids interned by the rolled-back transaction: they may be given to other strings next.
    public void OnRolledBack()
    {
        Clear();
        _knownTexts.Clear();
        _knownTexts[0] = "";
    }

    private RollupCells Rent() => _freeCells.TryPop(out var cells) ? cells : new RollupCells();

    private void Return(RollupCells cells)
    {
        cells.Clear();
        _freeCells.Push(cells);
    }

    private void Clear()
    {
        foreach (var cells in _deltas.Values)
            if (cells is not null) Return(cells);
        _deltas.Clear();
        _names.Clear();
        _localIds.Clear();
        _localTexts.Clear();
    }

    public void Dispose()
    {
        _markStale?.Dispose();
        _upsertName?.Dispose();
        _monthState?.Dispose();
        _textOf?.Dispose();
    }
}
