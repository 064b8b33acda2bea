using System.Diagnostics;
using DuckDB.NET.Data;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Bench.Reports;

/// <summary>
/// The peer: DuckDB computing the same figures of the whole dashboard from its own table of the same
/// events (the NDJSON file read through the same validator, first event of an id wins, as in the
/// store), loaded once into a DuckDB file and not timed. The SQL is what an analyst would write for
/// these figures: one grouped pass for every monthly trend and summary figure, one statement per
/// top list, the success rate, the asset's insights and daily trend, the folder page.
/// </summary>
internal sealed class DuckDbPeer : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly TimeZoneInfo _zone;

    private DuckDbPeer(DuckDBConnection connection, TimeZoneInfo zone) => (_connection, _zone) = (connection, zone);

    public static async Task<DuckDbPeer> OpenAsync(string file, string ndjson, ProductEnvironment env, DateTimeOffset now)
    {
        var exists = File.Exists(file);
        var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        var peer = new DuckDbPeer(connection, env.TimeZone);
        if (!exists) await peer.LoadAsync(ndjson, now);
        else Console.WriteLine($"peer: reusing {file}");
        peer.Execute("SET TimeZone = 'UTC'");
        return peer;
    }

    private async Task LoadAsync(string ndjson, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        Execute("""
            CREATE TABLE events (
                row_id BIGINT, ts TIMESTAMP, month INTEGER, type VARCHAR, user_id VARCHAR, session_id VARCHAR,
                asset VARCHAR, asset_name VARCHAR, folder VARCHAR, collection VARCHAR, collection_name VARCHAR,
                search_kind VARCHAR, search_text_key VARCHAR, expression_key VARCHAR, reference VARCHAR, reference_name VARCHAR,
                results INTEGER, has_download BOOLEAN, bulk BOOLEAN, preset VARCHAR, rating INTEGER, channel VARCHAR);
            CREATE TABLE search_filters (row_id BIGINT, month INTEGER, field VARCHAR, value VARCHAR);
            """);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long row = 0;
        await using (var input = File.OpenRead(ndjson))
        using (var events = _connection.CreateAppender("events"))
        using (var filters = _connection.CreateAppender("search_filters"))
        {
            var import = new NdjsonImport(new EventJsonReader(new FixedTime(now)), input);
            await foreach (var e in import.ReadEventsAsync())
            {
                if (!seen.Add(e.Id)) continue; // the first stored event of an id wins
                row++;
                var month = ZonedCalendar.MonthOf(e.Timestamp, _zone);
                var search = e.Search;
                events.CreateRow()
                    .AppendValue(row).AppendValue(e.Timestamp.UtcDateTime).AppendValue(month.Year * 100 + month.Number)
                    .AppendValue(e.Type.ToWire()).AppendValue(e.User).AppendValue(e.Session)
                    .AppendValue(e.Asset?.Id).AppendValue(e.Asset?.Name).AppendValue(e.Asset?.Folder)
                    .AppendValue(e.Collection?.Id).AppendValue(e.Collection?.Name)
                    .AppendValue(search is null ? null : search.Kind.ToWire()).AppendValue(NullIfEmpty(TextNormalizer.NormalizeText(search?.Text)))
                    .AppendValue(NullIfEmpty(TextNormalizer.NormalizeExpression(search?.Expression)))
                    .AppendValue(search?.Reference?.Id).AppendValue(search?.Reference?.Name).AppendValue(search?.Results)
                    .AppendValue(e.Download is not null).AppendValue(e.Download?.Bulk == true && e.Type == EventType.Download)
                    .AppendValue(e.Download?.Preset).AppendValue(e.Rating).AppendValue(e.Channel?.ToWire())
                    .EndRow();
                if (search is { Filters.Count: > 0 })
                    foreach (var pair in search.Filters.Distinct())
                        filters.CreateRow().AppendValue(row).AppendValue(month.Year * 100 + month.Number).AppendValue(pair.Field).AppendValue(pair.Value).EndRow();
            }
        }
        Console.WriteLine($"peer: loaded {row:N0} events into DuckDB in {watch.Elapsed.TotalSeconds:F1} s (not timed below)");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>Every figure of the benchmark's whole dashboard, twelve trend months included.</summary>
    public Task WholeDashboardAsync(ReportContext context, string asset, string folder) => RunAsync(context, asset, folder, context.TrendMonths);

    /// <summary>The figures of the open month only (what is left to compute when closed months are cached).</summary>
    public Task OpenMonthAsync(ReportContext context, string asset, string folder) => RunAsync(context, asset, folder, [context.Month]);

    private Task RunAsync(ReportContext context, string asset, string folder, IReadOnlyList<Month> months)
    {
        var m = Number(context.Month);
        var (first, last) = (months.Min(Number), months.Max(Number));
        var summaryFrom = Math.Min(first, Number(context.Month.Previous()));
        Read(MonthlySql, ("first", months.Count == 1 ? m : summaryFrom), ("last", last));
        foreach (var sql in MonthSql) Read(sql, ("m", m));
        Read(AssetSql, ("m", m), ("asset", asset));
        Read(AssetTrendSql, ("from", context.Period.From.UtcDateTime), ("to", context.Period.To.UtcDateTime), ("asset", asset));
        Read(FolderSql, ("m", m), ("folder", folder), ("below", folder + "/"));
        return Task.CompletedTask;
    }

    public Task SliceAsync(string sql, ReportContext context)
    {
        Read(sql, ("from", context.Period.From.UtcDateTime), ("to", context.Period.To.UtcDateTime));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Compares a few of the peer's figures with ours, so that both sides are known to compute the same thing; over the
    /// last closed month, which the live events (ours only) do not touch.
    /// </summary>
    public async Task<string> CheckAgainstAsync(IReportStore store, ReportContext open)
    {
        var context = ReportContext.For(open.Environment, open.Month.Previous(), open.Now);
        var summary = (await SummaryFigures.Report(context).ExecuteAsync(store)).Value;
        var rows = Read(MonthlySql, ("first", Number(context.Month)), ("last", Number(context.Month)));
        var peer = (Active: Convert.ToInt64(rows[0][1]), Uploads: Convert.ToInt64(rows[0][2]), Searches: Convert.ToInt64(rows[0][3]), Downloads: Convert.ToInt64(rows[0][5]));
        var ours = (summary.ActiveUsers.Current, summary.Uploads.Current, summary.Searches.Current, summary.Downloads.Current);
        var top = (await SearchFigures.TopSearches(context).ExecuteAsync(store)).Value;
        var peerTop = Read(MonthSql[1], ("m", Number(context.Month))).Select(r => ((string)r[0]!, Convert.ToInt64(r[2]))).ToArray();
        var sameTop = top.Select(t => (t.Key, t.Count)).SequenceEqual(peerTop);
        return $"summary (active users, uploads, searches, downloads) ours {ours}, DuckDB {peer}: {(ours == peer ? "equal" : "DIFFERENT")}; " +
               $"top searches {(sameTop ? "equal" : "DIFFERENT")}";
    }

    private static int Number(Month month) => month.Year * 100 + month.Number;

    private const string Activity = "type IN ('search', 'download', 'upload')";
    private const string MediaDownload = "type = 'download' AND NOT bulk";

    private const string MonthlySql = $"""
        SELECT month,
               count(DISTINCT user_id) FILTER (WHERE {Activity}) AS active_users,
               count(*) FILTER (WHERE type = 'upload') AS uploads,
               count(*) FILTER (WHERE type = 'search') AS searches,
               count(DISTINCT user_id) FILTER (WHERE type = 'search') AS searchers,
               count(*) FILTER (WHERE {MediaDownload}) AS downloads,
               count(DISTINCT asset) FILTER (WHERE {MediaDownload}) AS unique_assets,
               count(DISTINCT user_id) FILTER (WHERE {MediaDownload}) AS downloaders,
               count(*) FILTER (WHERE type = 'download') AS downloads_with_bulk,
               count(DISTINCT asset) FILTER (WHERE type = 'download') AS unique_assets_with_bulk,
               count(DISTINCT user_id) FILTER (WHERE type = 'download') AS downloaders_with_bulk,
               count(DISTINCT session_id) AS active_sessions,
               count(DISTINCT session_id) FILTER (WHERE type = 'search') AS searching_sessions,
               count(*) FILTER (WHERE type = 'collection.viewed') AS collection_views,
               count(*) FILTER (WHERE type = 'collection.downloaded' AND has_download AND preset IS NULL) AS collection_downloads_original,
               count(*) FILTER (WHERE type = 'collection.downloaded' AND preset IS NOT NULL) AS collection_downloads_transformed,
               count(*) FILTER (WHERE type = 'collection.created') AS collections_created
        FROM events WHERE month BETWEEN $first AND $last
        GROUP BY month ORDER BY month
        """;

    private static string TopOf(string key, string where, string? name = null) => $"""
        SELECT {key}, {(name is null ? "NULL" : $"arg_max({name}, ts)")} AS name, count(*) AS n FROM events
        WHERE month = $m AND {key} IS NOT NULL AND {where}
        GROUP BY {key} ORDER BY n DESC, {key} LIMIT 10
        """;

    private static readonly string[] MonthSql =
    [
        $"""
        SELECT user_id, count(*) FILTER (WHERE type = 'search') AS searches, count(*) FILTER (WHERE type = 'download') AS downloads,
               count(*) FILTER (WHERE type = 'upload') AS uploads, count(*) AS total
        FROM events WHERE month = $m AND user_id IS NOT NULL AND (type IN ('search', 'upload') OR ({MediaDownload}))
        GROUP BY user_id ORDER BY total DESC, user_id LIMIT 10
        """,
        TopOf("search_text_key", "type = 'search' AND search_kind = 'text'"),
        TopOf("expression_key", "type = 'search' AND search_kind IN ('expression', 'query_builder')"),
        TopOf("reference", "type = 'search' AND search_kind = 'visual_image'", "reference_name"),
        TopOf("search_text_key", "type = 'search' AND search_kind = 'visual_text'"),
        TopOf("search_text_key", "type = 'search' AND search_kind = 'text' AND results = 0"),
        """
        SELECT field, value, count(*) AS n FROM search_filters WHERE month = $m
        GROUP BY field, value ORDER BY n DESC, field, value LIMIT 10
        """,
        """
        WITH s AS (
            SELECT session_id, min(ts) FILTER (WHERE type = 'search') AS first_search, max(ts) FILTER (WHERE type = 'download') AS last_download
            FROM events WHERE month = $m AND session_id IS NOT NULL AND type IN ('search', 'download') GROUP BY session_id)
        SELECT count(*) FILTER (WHERE last_download > first_search), count(*) FILTER (WHERE first_search IS NOT NULL) FROM s
        """,
        TopOf("asset", MediaDownload, "asset_name"),
        TopOf("asset", "type = 'download'", "asset_name"),
        TopOf("collection", "type = 'collection.viewed'", "collection_name"),
        TopOf("collection", "type = 'collection.downloaded'", "collection_name"),
        TopOf("user_id", "type = 'collection.created'"),
    ];

    private const string Points = "count(*) FILTER (WHERE type = 'asset.impression') + 10 * count(*) FILTER (WHERE type = 'asset.click')";

    private const string AssetSql = $"""
        WITH best AS (SELECT max(points) AS best FROM (SELECT {Points} AS points FROM events
                      WHERE month = $m AND asset IS NOT NULL AND type IN ('asset.impression', 'asset.click') GROUP BY asset))
        SELECT arg_max(asset_name, ts), count(*) FILTER (WHERE type = 'asset.impression'), count(*) FILTER (WHERE type = 'asset.click'),
               count(*) FILTER (WHERE type = 'asset.rated'), sum(rating) FILTER (WHERE type = 'asset.rated'),
               count(*) FILTER (WHERE type = 'asset.used' AND channel = 'collection'), count(*) FILTER (WHERE type = 'asset.used' AND channel = 'web_mobile'),
               count(*) FILTER (WHERE type = 'asset.used' AND channel = 'social'), count(*) FILTER (WHERE type = 'asset.used' AND channel = 'email'),
               round(100.0 * ({Points}) / any_value(best.best))
        FROM events, best WHERE month = $m AND asset = $asset
        """;

    private const string AssetTrendSql = """
        SELECT date_trunc('day', timezone('Europe/Berlin', ts::TIMESTAMPTZ)) AS day,
               count(*) FILTER (WHERE type = 'asset.impression'), count(*) FILTER (WHERE type = 'asset.click')
        FROM events WHERE ts >= $from AND ts < $to AND asset = $asset AND type IN ('asset.impression', 'asset.click')
        GROUP BY day ORDER BY day
        """;

    private const string FolderSql = $"""
        WITH best AS (SELECT max(points) AS best FROM (SELECT {Points} AS points FROM events
                      WHERE month = $m AND asset IS NOT NULL AND type IN ('asset.impression', 'asset.click') GROUP BY asset)),
        assets AS (
            SELECT asset, arg_max(asset_name, ts) AS name, count(*) FILTER (WHERE type = 'asset.impression') AS impressions,
                   count(*) FILTER (WHERE type = 'asset.click') AS clicks, count(*) FILTER (WHERE type = 'asset.rated') AS ratings,
                   sum(rating) FILTER (WHERE type = 'asset.rated') AS rating_sum,
                   count(*) FILTER (WHERE type = 'asset.used' AND channel = 'collection') AS used_collection,
                   count(*) FILTER (WHERE type = 'asset.used' AND channel = 'web_mobile') AS used_web,
                   count(*) FILTER (WHERE type = 'asset.used' AND channel = 'social') AS used_social,
                   count(*) FILTER (WHERE type = 'asset.used' AND channel = 'email') AS used_email,
                   {Points} AS points
            FROM events WHERE month = $m AND asset IS NOT NULL AND (folder = $folder OR starts_with(folder, $below))
            GROUP BY asset)
        SELECT assets.*, round(100.0 * points / best.best) AS score, count(*) OVER () AS total
        FROM assets, best ORDER BY score DESC NULLS LAST, asset LIMIT 20
        """;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<object?[]> Read(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value));
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
