using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// Inserts events on the writer connection with statements prepared once and reused for every event.
/// Knows the table layout of <see cref="Schema.StoreSchema"/>; knows nothing of batching or threads.
/// </summary>
internal sealed class EventInserter : IDisposable
{
    private readonly InternTable _texts;
    private readonly InternTable _environments;
    private readonly RawStatement _insertEvent;
    private readonly RawStatement _insertFilter;
    private readonly RawStatement _upsertAsset;
    private readonly RawStatement _upsertCollection;

    // What the asset and collection tables hold, as far as this writer knows, so that the common
    // event that repeats known names runs no upsert at all. Only rows this writer just set are
    // remembered; forgotten on rollback and when large.
    private readonly Dictionary<(long Env, long Asset), (long? Name, string? Folder, long? Type)> _knownAssets = [];
    private readonly Dictionary<(long Env, long Collection), long> _knownCollections = [];
    private const int KnownLimit = 1_000_000;

    private static readonly string[] EventColumns =
    [
        "env", "event_id", "type", "ts_ms", "ts_offset_min", "ts_sub_ms_ticks", "user", "session", "visitor",
        "asset", "asset_name", "asset_folder", "asset_type", "collection", "collection_name",
        "search_kind", "search_text", "search_text_key", "search_expression", "search_expression_key",
        "search_reference", "search_reference_name", "search_results", "search_filter_count",
        "download_bulk", "download_batch", "download_preset", "upload_bulk", "upload_batch",
        "rating", "channel", "page",
    ];

    public EventInserter(SqliteConnection connection, int internCacheSize)
    {
        _texts = new InternTable(connection, "text_value", "value", internCacheSize);
        _environments = new InternTable(connection, "environment", "name", 10_000);
        _insertEvent = new RawStatement(connection,
            $"INSERT INTO event ({string.Join(", ", EventColumns)}) VALUES ({string.Join(", ", EventColumns.Select((_, i) => "?" + (i + 1)))}) " +
            "ON CONFLICT (env, event_id) DO NOTHING");
        _insertFilter = new RawStatement(connection,
            "INSERT INTO search_filter (event, position, env, ts_ms, field, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        // Latest values win by event timestamp; an absent name or folder never erases a known one;
        // an event that changes nothing writes nothing.
        _upsertAsset = new RawStatement(connection, """
            INSERT INTO asset (env, asset, name, folder, type, ts_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (env, asset) DO UPDATE SET
                name = coalesce(excluded.name, name), folder = coalesce(excluded.folder, folder),
                type = coalesce(excluded.type, type), ts_ms = excluded.ts_ms
            WHERE excluded.ts_ms >= asset.ts_ms
              AND (excluded.name IS NOT NULL AND excluded.name IS NOT asset.name
                OR excluded.folder IS NOT NULL AND excluded.folder IS NOT asset.folder
                OR excluded.type IS NOT NULL AND excluded.type IS NOT asset.type)
            """);
        _upsertCollection = new RawStatement(connection, """
            INSERT INTO collection (env, collection, name, ts_ms) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (env, collection) DO UPDATE SET name = excluded.name, ts_ms = excluded.ts_ms
            WHERE excluded.ts_ms >= collection.ts_ms AND excluded.name IS NOT NULL AND excluded.name IS NOT collection.name
            """);
    }

    /// <summary>Called as a transaction starts.</summary>
    public void Begin()
    {
        _texts.Begin();
        _environments.Begin();
        if (_knownAssets.Count > KnownLimit) _knownAssets.Clear();
        if (_knownCollections.Count > KnownLimit) _knownCollections.Clear();
    }

    /// <summary>Forgets the interned ids of a transaction that rolled back.</summary>
    public void Rollback()
    {
        _texts.Rollback();
        _environments.Rollback();
        _knownAssets.Clear();
        _knownCollections.Clear();
    }

    public long EnvironmentKey(string environmentId) => _environments.Intern(environmentId);

    /// <summary>Inserts one event unless (environment, id) is already stored.</summary>
    /// <returns>The outcome; for an insert also the new row id and the interned keys.</returns>
    public WriteOutcome Insert(long env, ActivityEvent e, out long rowId, out EventKeys keys)
    {
        var ts = e.Timestamp;
        var (tsMs, subMs) = StoredTime.Split(ts);
        var search = e.Search;
        keys = new EventKeys(
            User: _texts.IdOf(e.User),
            Session: _texts.IdOf(e.Session),
            Visitor: _texts.IdOf(e.Visitor),
            Asset: _texts.IdOf(e.Asset?.Id),
            Collection: _texts.IdOf(e.Collection?.Id),
            SearchTextKey: _texts.IdOf(NullIfEmpty(TextNormalizer.NormalizeText(search?.Text))),
            SearchExpressionKey: _texts.IdOf(NullIfEmpty(TextNormalizer.NormalizeExpression(search?.Expression))),
            SearchReference: _texts.IdOf(search?.Reference?.Id),
            DownloadPreset: _texts.IdOf(e.Download?.Preset));

        var s = _insertEvent;
        s.Bind(1, env);
        s.Bind(2, e.Id);
        s.Bind(3, (long)e.Type);
        s.Bind(4, tsMs);
        s.Bind(5, (long)ts.Offset.TotalMinutes);
        s.Bind(6, subMs);
        s.Bind(7, keys.User);
        s.Bind(8, keys.Session);
        s.Bind(9, keys.Visitor);
        s.Bind(10, keys.Asset);
        var assetName = _texts.IdOf(e.Asset?.Name);
        var assetType = _texts.IdOf(e.Asset?.Type);
        var collectionName = _texts.IdOf(e.Collection?.Name);
        s.Bind(11, assetName);
        s.Bind(12, _texts.IdOf(e.Asset?.Folder));
        s.Bind(13, assetType);
        s.Bind(14, keys.Collection);
        s.Bind(15, collectionName);
        s.Bind(16, (long?)search?.Kind);
        s.Bind(17, _texts.IdOf(search?.Text));
        s.Bind(18, keys.SearchTextKey);
        s.Bind(19, _texts.IdOf(search?.Expression));
        s.Bind(20, keys.SearchExpressionKey);
        s.Bind(21, keys.SearchReference);
        s.Bind(22, _texts.IdOf(search?.Reference?.Name));
        s.Bind(23, search?.Results);
        s.Bind(24, (long)(search?.Filters.Count ?? 0));
        s.Bind(25, e.Download is { } d ? (d.Bulk ? 1L : 0L) : null);
        s.Bind(26, _texts.IdOf(e.Download?.Batch));
        s.Bind(27, keys.DownloadPreset);
        s.Bind(28, e.Upload is { } u ? (u.Bulk ? 1L : 0L) : null);
        s.Bind(29, _texts.IdOf(e.Upload?.Batch));
        s.Bind(30, e.Rating);
        s.Bind(31, (long?)e.Channel);
        s.Bind(32, _texts.IdOf(e.Page));

        if (s.ExecuteInsert() is not { } id)
        {
            rowId = 0;
            return WriteOutcome.Duplicate;
        }
        rowId = id;
        if (search is { Filters.Count: > 0 }) InsertFilters(id, env, tsMs, search.Filters);
        if (e.Asset is { } asset) UpsertAsset(env, keys.Asset!.Value, assetName, asset.Folder, assetType, tsMs);
        if (e.Collection is not null) UpsertCollection(env, keys.Collection!.Value, collectionName, tsMs);
        return WriteOutcome.Inserted;
    }

    /// <summary>A search key that normalizes to nothing (blank text) is no key: reports do not list it.</summary>
    private static string? NullIfEmpty(string? key) => string.IsNullOrEmpty(key) ? null : key;

    private void InsertFilters(long eventRow, long env, long tsMs, IReadOnlyList<SearchFilter> filters)
    {
        var s = _insertFilter;
        for (var i = 0; i < filters.Count; i++)
        {
            s.Bind(1, eventRow);
            s.Bind(2, (long)i);
            s.Bind(3, env);
            s.Bind(4, tsMs);
            s.Bind(5, _texts.Intern(filters[i].Field));
            s.Bind(6, _texts.Intern(filters[i].Value));
            s.ExecuteChanges();
        }
    }

    private void UpsertAsset(long env, long assetKey, long? name, string? folder, long? type, long tsMs)
    {
        if (_knownAssets.TryGetValue((env, assetKey), out var known)
            && (name is null || name == known.Name) && (folder is null || folder == known.Folder)
            && (type is null || type == known.Type)) return;

        var s = _upsertAsset;
        s.Bind(1, env);
        s.Bind(2, assetKey);
        s.Bind(3, name);
        s.Bind(4, folder);
        s.Bind(5, type);
        s.Bind(6, tsMs);
        // A changed row now holds exactly these values when none is null; otherwise it is unknown here.
        if (s.ExecuteChanges() == 1 && name is not null && folder is not null && type is not null)
            _knownAssets[(env, assetKey)] = (name, folder, type);
        else _knownAssets.Remove((env, assetKey));
    }

    private void UpsertCollection(long env, long collectionKey, long? name, long tsMs)
    {
        if (_knownCollections.TryGetValue((env, collectionKey), out var known) && (name is null || name == known)) return;

        var s = _upsertCollection;
        s.Bind(1, env);
        s.Bind(2, collectionKey);
        s.Bind(3, name);
        s.Bind(4, tsMs);
        if (s.ExecuteChanges() == 1 && name is { } set) _knownCollections[(env, collectionKey)] = set;
        else _knownCollections.Remove((env, collectionKey));
    }

    public void Dispose()
    {
        _texts.Dispose();
        _environments.Dispose();
        _insertEvent.Dispose();
        _insertFilter.Dispose();
        _upsertAsset.Dispose();
        _upsertCollection.Dispose();
    }
}
