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
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertFilter;
    private readonly SqliteCommand _upsertAsset;
    private readonly SqliteCommand _upsertCollection;
    private readonly SqliteParameter[] _event;
    private readonly SqliteParameter[] _filter;
    private readonly SqliteParameter[] _asset;
    private readonly SqliteParameter[] _collection;

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
        (_insertEvent, _event) = Prepare(connection,
            $"INSERT INTO event ({string.Join(", ", EventColumns)}) VALUES ({string.Join(", ", EventColumns.Select((_, i) => "$p" + i))}) " +
            "ON CONFLICT (env, event_id) DO NOTHING RETURNING id", EventColumns.Length);
        (_insertFilter, _filter) = Prepare(connection,
            "INSERT INTO search_filter (event, position, env, ts_ms, field, value) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", 6);
        // Latest values win by event timestamp; an absent name or folder never erases a known one.
        (_upsertAsset, _asset) = Prepare(connection, """
            INSERT INTO asset (env, asset, name, folder, type, ts_ms) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
            ON CONFLICT (env, asset) DO UPDATE SET
                name = coalesce(excluded.name, name), folder = coalesce(excluded.folder, folder),
                type = coalesce(excluded.type, type), ts_ms = excluded.ts_ms
            WHERE excluded.ts_ms >= asset.ts_ms
              AND (excluded.name IS NOT NULL AND excluded.name IS NOT asset.name
                OR excluded.folder IS NOT NULL AND excluded.folder IS NOT asset.folder
                OR excluded.type IS NOT NULL AND excluded.type IS NOT asset.type)
            """, 6);
        (_upsertCollection, _collection) = Prepare(connection, """
            INSERT INTO collection (env, collection, name, ts_ms) VALUES ($p0, $p1, $p2, $p3)
            ON CONFLICT (env, collection) DO UPDATE SET name = excluded.name, ts_ms = excluded.ts_ms
            WHERE excluded.ts_ms >= collection.ts_ms AND excluded.name IS NOT NULL AND excluded.name IS NOT collection.name
            """, 4);
    }

    /// <summary>Points every statement at the transaction that is starting.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        _texts.Begin(transaction);
        _environments.Begin(transaction);
        _insertEvent.Transaction = transaction;
        _insertFilter.Transaction = transaction;
        _upsertAsset.Transaction = transaction;
        _upsertCollection.Transaction = transaction;
    }

    /// <summary>Forgets the interned ids of a transaction that rolled back.</summary>
    public void Rollback()
    {
        _texts.Rollback();
        _environments.Rollback();
    }

    public long EnvironmentKey(string environmentId) => _environments.Intern(environmentId);

    /// <summary>Inserts one event unless (environment, id) is already stored.</summary>
    /// <returns>The outcome; for an insert also the new row id and the interned keys.</returns>
    public WriteOutcome Insert(long env, ActivityEvent e, out long rowId, out EventKeys keys)
    {
        var ts = e.Timestamp;
        var utcTicks = ts.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var tsMs = Math.DivRem(utcTicks, TimeSpan.TicksPerMillisecond, out var subMs);
        if (subMs < 0) { tsMs--; subMs += TimeSpan.TicksPerMillisecond; } // floor, for instants before 1970
        var search = e.Search;
        keys = new EventKeys(
            User: _texts.IdOf(e.User),
            Session: _texts.IdOf(e.Session),
            Visitor: _texts.IdOf(e.Visitor),
            Asset: _texts.IdOf(e.Asset?.Id),
            Collection: _texts.IdOf(e.Collection?.Id),
            SearchTextKey: _texts.IdOf(TextNormalizer.NormalizeText(search?.Text)),
            SearchExpressionKey: _texts.IdOf(TextNormalizer.NormalizeExpression(search?.Expression)),
            SearchReference: _texts.IdOf(search?.Reference?.Id),
            DownloadPreset: _texts.IdOf(e.Download?.Preset));

        var p = _event;
        Set(p[0], env);
        p[1].Value = e.Id;
        Set(p[2], (long)e.Type);
        Set(p[3], tsMs);
        Set(p[4], (long)ts.Offset.TotalMinutes);
        Set(p[5], subMs);
        Set(p[6], keys.User);
        Set(p[7], keys.Session);
        Set(p[8], keys.Visitor);
        Set(p[9], keys.Asset);
        Set(p[10], _texts.IdOf(e.Asset?.Name));
        Set(p[11], _texts.IdOf(e.Asset?.Folder));
        Set(p[12], _texts.IdOf(e.Asset?.Type));
        Set(p[13], keys.Collection);
        Set(p[14], _texts.IdOf(e.Collection?.Name));
        Set(p[15], (long?)search?.Kind);
        Set(p[16], _texts.IdOf(search?.Text));
        Set(p[17], keys.SearchTextKey);
        Set(p[18], _texts.IdOf(search?.Expression));
        Set(p[19], keys.SearchExpressionKey);
        Set(p[20], keys.SearchReference);
        Set(p[21], _texts.IdOf(search?.Reference?.Name));
        Set(p[22], search?.Results);
        Set(p[23], (long)(search?.Filters.Count ?? 0));
        Set(p[24], e.Download is { } d ? (d.Bulk ? 1L : 0L) : null);
        Set(p[25], _texts.IdOf(e.Download?.Batch));
        Set(p[26], keys.DownloadPreset);
        Set(p[27], e.Upload is { } u ? (u.Bulk ? 1L : 0L) : null);
        Set(p[28], _texts.IdOf(e.Upload?.Batch));
        Set(p[29], e.Rating);
        Set(p[30], (long?)e.Channel);
        Set(p[31], _texts.IdOf(e.Page));

        if (_insertEvent.ExecuteScalar() is not long id)
        {
            rowId = 0;
            return WriteOutcome.Duplicate;
        }
        rowId = id;
        if (search is { Filters.Count: > 0 }) InsertFilters(id, env, tsMs, search.Filters);
        if (e.Asset is { } asset) UpsertAsset(env, keys.Asset!.Value, asset, tsMs);
        if (e.Collection is { } collection) UpsertCollection(env, keys.Collection!.Value, collection, tsMs);
        return WriteOutcome.Inserted;
    }

    private void InsertFilters(long eventRow, long env, long tsMs, IReadOnlyList<SearchFilter> filters)
    {
        var p = _filter;
        Set(p[0], eventRow);
        Set(p[2], env);
        Set(p[3], tsMs);
        for (var i = 0; i < filters.Count; i++)
        {
            Set(p[1], (long)i);
            Set(p[4], _texts.Intern(filters[i].Field));
            Set(p[5], _texts.Intern(filters[i].Value));
            _insertFilter.ExecuteNonQuery();
        }
    }

    private void UpsertAsset(long env, long assetKey, AssetRef asset, long tsMs)
    {
        var p = _asset;
        Set(p[0], env);
        Set(p[1], assetKey);
        Set(p[2], _texts.IdOf(asset.Name));
        p[3].Value = (object?)asset.Folder ?? DBNull.Value;
        Set(p[4], _texts.IdOf(asset.Type));
        Set(p[5], tsMs);
        _upsertAsset.ExecuteNonQuery();
    }

    private void UpsertCollection(long env, long collectionKey, CollectionRef collection, long tsMs)
    {
        var p = _collection;
        Set(p[0], env);
        Set(p[1], collectionKey);
        Set(p[2], _texts.IdOf(collection.Name));
        Set(p[3], tsMs);
        _upsertCollection.ExecuteNonQuery();
    }

    private static void Set(SqliteParameter parameter, long value) => parameter.Value = value;

    private static void Set(SqliteParameter parameter, long? value) => parameter.Value = value is { } v ? v : DBNull.Value;

    private static void Set(SqliteParameter parameter, int? value) => parameter.Value = value is { } v ? (long)v : DBNull.Value;

    private static (SqliteCommand, SqliteParameter[]) Prepare(SqliteConnection connection, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
            parameters[i] = command.Parameters.Add(new SqliteParameter("$p" + i, null));
        command.Prepare();
        return (command, parameters);
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
