using GraphReports.Analytics.Progress;
using GraphReports.Analytics.Storage;
using GraphReports.Sqlite.Rollups;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary>
/// When a month's rollups are stale (<c>report_rollup_month.current</c> = 0, or built in another zone),
/// when the writer keeps them current instead (events of a current month, in transactions of bounded size),
/// and what <see cref="ReportRollups.BuildStaleAsync"/> does about stale months.
/// </summary>
public class RollupStalenessTests : IDisposable
{
    private readonly TempStore _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Three events in September and two in October 2026 (UTC) for acme.</summary>
    private static async Task WriteTwoMonthsAsync(SqliteEventStore store)
    {
        await store.WriteAsync("acme", [
            Search("sep-1", Utc2026(9, 3)), Download("sep-2", Utc2026(9, 3, 13)), Search("sep-3", Utc2026(9, 30, 23)),
            Search("oct-1", Utc2026(10, 1, 0)), Download("oct-2", Utc2026(10, 20)),
        ]);
    }

    [Fact]
    public async Task Events_of_two_months_make_both_stale_and_a_build_makes_them_current_with_their_counts()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);

        Assert.Equal([("acme", 202609), ("acme", 202610)], ReportRollups.StaleMonths(store, Utc));
        Assert.All(Months(store).Values, m => Assert.False(m.Current));

        var totals = await ReportRollups.BuildStaleAsync(store, Utc);

        Assert.Equal(2, totals.Months);
        Assert.Equal(2, totals.StaleMonths);
        Assert.Equal(5, totals.Events);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));
        Assert.Equal(new Dictionary<(string, int), (string, bool)> { [("acme", 202609)] = ("UTC", true), [("acme", 202610)] = ("UTC", true) }, Months(store));
        // The any-type, no-dimension row of each month counts its events.
        Assert.Equal(["202609\t3", "202610\t2"], Rows(store, "SELECT month, events FROM report_rollup WHERE env = 'acme' AND dim = 0 AND type = 0 ORDER BY month"));
    }

    [Fact]
    public async Task A_build_reports_progress_after_each_month()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        var seen = new List<RollupBuildTotals>();

        await ReportRollups.BuildStaleAsync(store, Utc, new InlineProgress<RollupBuildTotals>(seen.Add));

        Assert.Equal([(1, 2, 3L), (2, 2, 5L)], seen.Select(t => (t.Months, t.StaleMonths, t.Events)));
    }

    [Fact]
    public async Task A_late_event_is_added_to_its_current_month_which_then_holds_what_a_rebuild_gives()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await store.WriteAsync("acme", [Search("jul-1", Utc2026(7, 14))]);
        await ReportRollups.BuildStaleAsync(store, Utc);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));

        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("acme", [Download("sep-late", Utc2026(9, 28), user: "u-new", session: "s-1", asset: "a-new")]));

        Assert.Empty(ReportRollups.StaleMonths(store, Utc));
        Assert.Equal(4, Scalar(store, "SELECT events FROM report_rollup WHERE env = 'acme' AND month = 202609 AND dim = 0 AND type = 0"));
        Assert.Equal(2, Scalar(store, "SELECT count(*) FROM report_rollup WHERE env = 'acme' AND month = 202609 AND dim = 1 AND type = 0")); // users u-1, u-new
        // s-1's last download of September moved to the late one (28 Sep 12:00).
        Assert.Equal(Utc2026(9, 28).UtcTicks, Scalar(store, "SELECT last_download FROM report_session_month WHERE env = 'acme' AND month = 202609 AND session = 's-1'"));
        var (rows, sessions) = (CurrentRows(store), CurrentSessions(store));
        Assert.Equal(RebuiltRows(store), rows);
        Assert.Equal(RebuiltSessions(store), sessions);
    }

    [Fact]
    public async Task A_transaction_bringing_a_current_month_more_rows_than_the_limit_makes_it_stale_instead()
    {
        var store = _files.Open(new ReportRollupObserver(Utc, maxDeltaRows: 20));
        await WriteTwoMonthsAsync(store);
        await ReportRollups.BuildStaleAsync(store, Utc);

        // One small event fits (a handful of rows); twenty searches by twenty users do not.
        await store.WriteAsync("acme", [Search("oct-small", Utc2026(10, 21))]);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));
        await store.WriteAsync("acme", Enumerable.Range(0, 20).Select(i => Search($"oct-bulk-{i}", Utc2026(10, 22), user: $"u-{i}", session: $"s-{i}")).ToArray());

        Assert.Equal([("acme", 202610)], ReportRollups.StaleMonths(store, Utc));
        Assert.True(Months(store)[("acme", 202609)].Current);
        var totals = await ReportRollups.BuildStaleAsync(store, Utc);
        Assert.Equal((1, 23L), (totals.Months, totals.Events));
    }

    private const string RollupSql = "SELECT * FROM report_rollup ORDER BY env, month, dim, type, kind, bulk, preset, zero, channel, key, key2";
    private const string SessionSql = "SELECT * FROM report_session_month ORDER BY env, month, session";

    private static List<string> CurrentRows(SqliteEventStore store) => Rows(store, RollupSql);

    private static List<string> CurrentSessions(SqliteEventStore store) => Rows(store, SessionSql);

    /// <summary>The rollup rows every month gets when rebuilt from its events (the store is left rebuilt; read its sessions after it).</summary>
    private static List<string> RebuiltRows(SqliteEventStore store)
    {
        MarkAllStale(store);
        ReportRollups.BuildStaleAsync(store, Utc).GetAwaiter().GetResult();
        return Rows(store, RollupSql);
    }

    private static List<string> RebuiltSessions(SqliteEventStore store) => Rows(store, SessionSql);

    [Fact]
    public async Task Rollups_built_in_an_older_format_are_stale_when_the_store_is_opened()
    {
        using (var old = OpenReporting(_files, Utc))
        {
            await WriteTwoMonthsAsync(old);
            await ReportRollups.BuildStaleAsync(old, Utc);
            // As a build of format 1 (before the (folder, asset) rows) left the store.
            await old.RunExclusiveAsync((connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM report_rollup_format; INSERT INTO report_rollup_format VALUES (1)";
                return command.ExecuteNonQuery();
            });
        }

        var store = OpenReporting(_files, Utc);

        Assert.Equal([("acme", 202609), ("acme", 202610)], ReportRollups.StaleMonths(store, Utc));
        await ReportRollups.BuildStaleAsync(store, Utc);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));
        Assert.Equal(ReportSchema.RollupFormat, Scalar(store, "SELECT format FROM report_rollup_format"));
    }

    [Fact]
    public async Task A_duplicate_event_leaves_a_current_month_current()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await ReportRollups.BuildStaleAsync(store, Utc);

        // The same ids again (even with other content): nothing is stored, so nothing is stale.
        var outcomes = await store.WriteAsync("acme", [Search("oct-1", Utc2026(10, 2)), Download("sep-2", Utc2026(9, 5), user: "someone-else")]);

        Assert.Equal([WriteOutcome.Duplicate, WriteOutcome.Duplicate], outcomes);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));
        Assert.All(Months(store).Values, m => Assert.True(m.Current));
    }

    [Fact]
    public async Task In_a_batch_mixing_a_duplicate_and_a_new_event_only_the_new_event_is_counted()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await ReportRollups.BuildStaleAsync(store, Utc);

        var outcomes = await store.WriteAsync("acme", [Search("oct-1", Utc2026(10, 2)), Search("sep-new", Utc2026(9, 9))]);

        Assert.Equal([WriteOutcome.Duplicate, WriteOutcome.Inserted], outcomes);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));
        Assert.Equal(["202609\t4", "202610\t2"], Rows(store, "SELECT month, events FROM report_rollup WHERE env = 'acme' AND dim = 0 AND type = 0 ORDER BY month"));
    }

    [Fact]
    public async Task Months_are_tracked_per_environment()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await store.WriteAsync("globex", [Search("oct-1", Utc2026(10, 5))]);
        await ReportRollups.BuildStaleAsync(store, Utc);

        await store.WriteAsync("globex", [Search("oct-2", Utc2026(10, 6)), Search("nov-1", Utc2026(11, 6))]);

        // globex's October is current and counts its new event; its November was never built: stale.
        Assert.Equal([("globex", 202611)], ReportRollups.StaleMonths(store, Utc));
        Assert.Equal(["acme\t2", "globex\t2"], Rows(store, "SELECT env, events FROM report_rollup WHERE month = 202610 AND dim = 0 AND type = 0 ORDER BY env"));
    }

    [Fact]
    public async Task Closed_before_skips_each_environments_current_month_in_its_own_zone()
    {
        Func<string, TimeZoneInfo> zoneOf = env => env == "acme" ? Berlin : TimeZoneInfo.Utc;
        var store = OpenReporting(_files, zoneOf);
        foreach (var env in new[] { "acme", "globex" })
            await store.WriteAsync(env, [Search("sep", Utc2026(9, 10)), Search("oct", Utc2026(10, 10))]);
        // 23:30 UTC on 30 September is already 1 October in Berlin: September is closed for acme only.
        var now = new DateTimeOffset(2026, 9, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal([("acme", 202609)], ReportRollups.StaleMonths(store, zoneOf, closedBefore: now));
        var totals = await ReportRollups.BuildStaleAsync(store, zoneOf, closedBefore: now);

        Assert.Equal((1, 1L), (totals.Months, totals.Events));
        Assert.Equal([("globex", 202609), ("acme", 202610), ("globex", 202610)], ReportRollups.StaleMonths(store, zoneOf));
        Assert.True(Months(store)[("acme", 202609)].Current);
    }

    [Fact]
    public async Task Another_zone_for_the_environment_makes_its_built_months_stale_and_the_rebuild_moves_events_to_their_local_month()
    {
        using (var utcStore = SqliteEventStore.Open(_files.Options, [new ReportRollupObserver(Utc)]))
        {
            // 23:00 UTC on 30 September is 1 October, 01:00 in Berlin.
            await utcStore.WriteAsync("acme", [Search("e1", Utc2026(9, 30, 23)), Search("e2", Utc2026(10, 10))]);
            await ReportRollups.BuildStaleAsync(utcStore, Utc);
            Assert.Empty(ReportRollups.StaleMonths(utcStore, Utc));
            Assert.Equal(["202609\t1", "202610\t1"], Rows(utcStore, "SELECT month, events FROM report_rollup WHERE dim = 0 AND type = 0 ORDER BY month"));
        }

        Func<string, TimeZoneInfo> berlin = _ => Berlin;
        var store = OpenReporting(_files, berlin);

        Assert.Equal([("acme", 202609), ("acme", 202610)], ReportRollups.StaleMonths(store, berlin));
        Assert.Empty(ReportRollups.StaleMonths(store, Utc)); // nothing changed for whoever still thinks UTC

        var totals = await ReportRollups.BuildStaleAsync(store, berlin);

        Assert.Equal((2, 2L), (totals.Months, totals.Events));
        Assert.Empty(ReportRollups.StaleMonths(store, berlin));
        Assert.All(Months(store).Values, m => Assert.Equal(("Europe/Berlin", true), m));
        Assert.Equal(["202610\t2"], Rows(store, "SELECT month, events FROM report_rollup WHERE dim = 0 AND type = 0 ORDER BY month"));
    }
}
