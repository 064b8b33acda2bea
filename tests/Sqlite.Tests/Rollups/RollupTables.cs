using GraphReports.Analytics.Events;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary>
/// A store written with the report observer (as the hosts open it), and what its report tables hold,
/// read with plain SQL the way a person would check them by hand.
/// </summary>
internal static class RollupTables
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static Func<string, TimeZoneInfo> Utc { get; } = _ => TimeZoneInfo.Utc;

    public static SqliteEventStore OpenReporting(TempStore files, Func<string, TimeZoneInfo> zoneOf) => files.Open(new ReportRollupObserver(zoneOf));

    /// <summary>Marks every month's rollups stale, as a bulk write does, so that the next build rebuilds them all from their events.</summary>
    public static void MarkAllStale(SqliteEventStore store) =>
        store.RunExclusiveAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE report_rollup_month SET current = 0";
            return command.ExecuteNonQuery();
        }).GetAwaiter().GetResult();

    /// <summary>Every row of <c>report_rollup_month</c>: (env, month) -> (zone, current).</summary>
    public static Dictionary<(string Env, int Month), (string Zone, bool Current)> Months(SqliteEventStore store)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT env, month, zone, current FROM report_rollup_month";
        using var reader = command.ExecuteReader();
        var months = new Dictionary<(string, int), (string, bool)>();
        while (reader.Read()) months[(reader.GetString(0), reader.GetInt32(1))] = (reader.GetString(2), reader.GetInt64(3) == 1);
        return months;
    }

    /// <summary>The rows of a query as tab-joined text lines, to compare whole tables.</summary>
    public static List<string> Rows(SqliteEventStore store, string sql)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public static long Scalar(SqliteEventStore store, string sql) => (long)(ScalarOrNull(store, sql) ?? throw new InvalidOperationException("no row: " + sql));

    public static long? ScalarOrNull(SqliteEventStore store, string sql)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : null;
    }

    /// <summary>A search by <paramref name="user"/> in session <paramref name="session"/> at a UTC instant.</summary>
    public static ActivityEvent Search(string id, DateTimeOffset at, string user = "u-1", string session = "s-1", string text = "red car") => new()
    {
        Id = id, Type = EventType.Search, Timestamp = at, User = user, Session = session,
        Search = new SearchDetails(SearchKind.Text, text),
    };

    /// <summary>A single (not bulk) download of the original file of <paramref name="asset"/>.</summary>
    public static ActivityEvent Download(string id, DateTimeOffset at, string user = "u-1", string session = "s-1", string asset = "a-1") => new()
    {
        Id = id, Type = EventType.Download, Timestamp = at, User = user, Session = session,
        Asset = new AssetRef(asset), Download = new DownloadDetails(false),
    };

    public static DateTimeOffset Utc2026(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);
}
