using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Rollups;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary>The rows a month rebuild writes for five events, against counts made by hand.</summary>
public class RollupRowsByHandTests : IDisposable
{
    private readonly TempStore _files = new();
    private readonly SqliteEventStore _store;

    // October 2026, UTC. Sessions: s-1 searches at 09:00 then downloads at 10:00 and 11:00 (converted);
    // s-2 only searches; s-3 only downloads.
    private static readonly DateTimeOffset T0900 = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0930 = T0900.AddMinutes(30);
    private static readonly DateTimeOffset T1000 = T0900.AddHours(1);
    private static readonly DateTimeOffset T1100 = T0900.AddHours(2);
    private static readonly DateTimeOffset T1200 = T0900.AddHours(3);

    public RollupRowsByHandTests()
    {
        _store = OpenReporting(_files, Utc);
        _store.WriteAsync("acme", [
            Search("e1", T0900, user: "u-1", session: "s-1", text: "red car"),
            Search("e2", T0930, user: "u-2", session: "s-2", text: "boat"),
            Download("e3", T1000, user: "u-1", session: "s-1", asset: "a-1"),
            Download("e4", T1100, user: "u-1", session: "s-1", asset: "a-2"),
            Download("e5", T1200, user: "u-2", session: "s-3", asset: "a-1"),
        ]).GetAwaiter().GetResult();
    }

    public void Dispose() => _files.Dispose();

    private Task<RollupBuildTotals> BuildAsync() => ReportRollups.BuildStaleAsync(_store, Utc);

    private List<string> Rows(string sql) => RollupTables.Rows(_store, sql);

    [Fact]
    public async Task The_month_row_without_dimension_counts_events_per_type_and_in_all()
    {
        Assert.Equal(5, (await BuildAsync()).Events);

        Assert.Equal(
        [
            "0\t5",
            $"{(int)EventType.Search}\t2",
            $"{(int)EventType.Download}\t3",
        ], Rows("SELECT type, sum(events) FROM report_rollup WHERE env = 'acme' AND month = 202610 AND dim = 0 GROUP BY type ORDER BY type"));
        // (Types in their enum order: search 2 before download 3.)
        // The downloads are single (bulk 0) downloads of the original file (preset 1); the searches are text searches with no download variant (preset 0).
        Assert.Equal(["0\t1\t3"], Rows($"SELECT bulk, preset, events FROM report_rollup WHERE month = 202610 AND dim = 0 AND type = {(int)EventType.Download}"));
        Assert.Equal([$"{(int)SearchKind.Text}\t0\t0\t2"], Rows($"SELECT kind, bulk, preset, events FROM report_rollup WHERE month = 202610 AND dim = 0 AND type = {(int)EventType.Search}"));
    }

    [Fact]
    public async Task The_user_rows_count_each_users_events_per_type_and_in_all()
    {
        await BuildAsync();
        var user = (int)Dimension.User;

        Assert.Equal(["u-1\t3", "u-2\t2"], Rows($"SELECT key, events FROM report_rollup WHERE month = 202610 AND dim = {user} AND type = 0 ORDER BY key"));
        Assert.Equal(
        [
            $"u-1\t{(int)EventType.Search}\t1", $"u-1\t{(int)EventType.Download}\t2",
            $"u-2\t{(int)EventType.Search}\t1", $"u-2\t{(int)EventType.Download}\t1",
        ], Rows($"SELECT key, type, sum(events) FROM report_rollup WHERE month = 202610 AND dim = {user} AND type <> 0 GROUP BY key, type ORDER BY key, type"));
    }

    [Fact]
    public async Task The_asset_and_session_rows_list_the_distinct_keys()
    {
        await BuildAsync();

        Assert.Equal(["a-1\t2", "a-2\t1"], Rows($"SELECT key, events FROM report_rollup WHERE month = 202610 AND dim = {(int)Dimension.Asset} AND type = 0 ORDER BY key"));
        Assert.Equal(["s-1\t3", "s-2\t1", "s-3\t1"], Rows($"SELECT key, events FROM report_rollup WHERE month = 202610 AND dim = {(int)Dimension.Session} AND type = 0 ORDER BY key"));
        Assert.Equal(["boat\t1", "red car\t1"], Rows($"SELECT key, events FROM report_rollup WHERE month = 202610 AND dim = {(int)Dimension.SearchText} AND type = 0 ORDER BY key"));
    }

    [Fact]
    public async Task The_session_rows_hold_each_sessions_first_search_and_last_download()
    {
        await BuildAsync();

        Assert.Equal(
        [
            $"s-1\t{T0900.UtcTicks}\t{T1100.UtcTicks}",
            $"s-2\t{T0930.UtcTicks}\tNULL",
            $"s-3\tNULL\t{T1200.UtcTicks}",
        ], Rows("SELECT session, first_search, last_download FROM report_session_month WHERE env = 'acme' AND month = 202610 ORDER BY session"));
        // Converted sessions (a search, then a download later): s-1 only.
        Assert.Equal(1, Scalar(_store, "SELECT count(*) FROM report_session_month WHERE month = 202610 AND first_search < last_download"));
    }

    [Fact]
    public async Task Rebuilding_a_month_twice_writes_the_same_rows()
    {
        await BuildAsync();
        const string RollupSql = "SELECT * FROM report_rollup ORDER BY env, month, dim, type, kind, bulk, preset, zero, channel, key, key2";
        const string SessionSql = "SELECT * FROM report_session_month ORDER BY env, month, session";
        var rollups = Rows(RollupSql);
        var sessions = Rows(SessionSql);

        // Mark the month stale as the writer does when an event of it arrives, then rebuild it.
        await _store.RunExclusiveAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE report_rollup_month SET current = 0";
            return command.ExecuteNonQuery();
        });
        Assert.Equal([("acme", 202610)], ReportRollups.StaleMonths(_store, Utc));
        var again = await BuildAsync();

        Assert.Equal((1, 5L), (again.Months, again.Events));
        Assert.NotEmpty(rollups);
        Assert.Equal(rollups, Rows(RollupSql));
        Assert.Equal(sessions, Rows(SessionSql));
    }
}
