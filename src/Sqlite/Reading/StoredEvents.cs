using GraphReports.Analytics.Events;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Reading;

/// <summary>
/// Rebuilds stored events exactly as they were accepted (every field, the original timestamp offset),
/// in storage order: the proof that nothing accepted is lost, and the way to copy a store elsewhere.
/// Not a report path: reports aggregate in SQL.
/// </summary>
internal static class StoredEvents
{
    public static IEnumerable<ActivityEvent> Read(SqliteConnection connection, string environmentId)
    {
        var texts = new Dictionary<long, string>();
        using var text = connection.CreateCommand();
        text.CommandText = "SELECT value FROM text_value WHERE id = $id";
        var textId = text.Parameters.Add(new SqliteParameter("$id", SqliteType.Integer));
        string? Text(SqliteDataReader r, int column)
        {
            if (r.IsDBNull(column)) return null;
            var id = r.GetInt64(column);
            if (texts.TryGetValue(id, out var s)) return s;
            textId.Value = id;
            return texts[id] = (string)text.ExecuteScalar()!;
        }

        using var filters = connection.CreateCommand();
        filters.CommandText = """
            SELECT f.value, v.value FROM search_filter s
            JOIN text_value f ON f.id = s.field JOIN text_value v ON v.id = s.value
            WHERE s.event = $event ORDER BY s.position
            """;
        var filterEvent = filters.Parameters.Add(new SqliteParameter("$event", SqliteType.Integer));

        using var events = connection.CreateCommand();
        events.CommandText = """
            SELECT id, event_id, type, ts_ms, ts_offset_min, ts_sub_ms_ticks, user, session, visitor,
                   asset, asset_name, asset_folder, asset_type, collection, collection_name,
                   search_kind, search_text, search_expression, search_reference, search_reference_name,
                   search_results, search_filter_count, download_bulk, download_batch, download_preset,
                   upload_bulk, upload_batch, rating, channel, page
            FROM event WHERE env = (SELECT id FROM environment WHERE name = $env) ORDER BY id
            """;
        events.Parameters.AddWithValue("$env", environmentId);
        using var r = events.ExecuteReader();
        while (r.Read())
        {
            var offset = TimeSpan.FromMinutes(r.GetInt64(4));
            var utcTicks = DateTimeOffset.UnixEpoch.UtcTicks + r.GetInt64(3) * TimeSpan.TicksPerMillisecond + r.GetInt64(5);
            SearchDetails? search = null;
            if (!r.IsDBNull(15))
            {
                var list = new List<SearchFilter>();
                if (r.GetInt64(21) > 0)
                {
                    filterEvent.Value = r.GetInt64(0);
                    using var f = filters.ExecuteReader();
                    while (f.Read()) list.Add(new SearchFilter(f.GetString(0), f.GetString(1)));
                }
                search = new SearchDetails(
                    (SearchKind)r.GetInt64(15), Text(r, 16), list, Text(r, 17),
                    Text(r, 18) is { } refId ? new ReferenceImage(refId, Text(r, 19)) : null,
                    r.IsDBNull(20) ? null : r.GetInt32(20));
            }
            yield return new ActivityEvent
            {
                Id = r.GetString(1),
                Type = (EventType)r.GetInt64(2),
                Timestamp = new DateTimeOffset(utcTicks + offset.Ticks, offset),
                User = Text(r, 6),
                Session = Text(r, 7),
                Visitor = Text(r, 8),
                Asset = Text(r, 9) is { } assetId ? new AssetRef(assetId, Text(r, 10), Text(r, 11), Text(r, 12)) : null,
                Collection = Text(r, 13) is { } collectionId ? new CollectionRef(collectionId, Text(r, 14)) : null,
                Search = search,
                Download = r.IsDBNull(22) ? null : new DownloadDetails(r.GetInt64(22) == 1, Text(r, 23), Text(r, 24)),
                Upload = r.IsDBNull(25) ? null : new UploadDetails(r.GetInt64(25) == 1, Text(r, 26)),
                Rating = r.IsDBNull(27) ? null : r.GetInt32(27),
                Channel = r.IsDBNull(28) ? null : (UsageChannel)r.GetInt64(28),
                Page = Text(r, 29),
            };
        }
    }
}
