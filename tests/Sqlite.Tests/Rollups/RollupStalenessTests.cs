using GraphReports.Analytics.Progress;
using GraphReports.Analytics.Storage;
using GraphReports.Sqlite.Rollups;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary>
/// When a month's rollups are stale (<c>report_rollup_month.current</c> = 0, or built in another zone)
/// and what <see cref="ReportRollups.BuildStaleAsync"/> does about it.
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
    public async Task A_late_event_makes_exactly_its_month_stale_again()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await store.WriteAsync("acme", [Search("jul-1", Utc2026(7, 14))]);
        await ReportRollups.BuildStaleAsync(store, Utc);
        Assert.Empty(ReportRollups.StaleMonths(store, Utc));

        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("acme", [Download("sep-late", Utc2026(9, 28))]));

        Assert.Equal([("acme", 202609)], ReportRollups.StaleMonths(store, Utc));
        var months = Months(store);
        Assert.False(months[("acme", 202609)].Current);
        Assert.True(months[("acme", 202607)].Current);
        Assert.True(months[("acme", 202610)].Current);

        var totals = await ReportRollups.BuildStaleAsync(store, Utc);
        Assert.Equal((1, 4L), (totals.Months, totals.Events));
        Assert.Equal(4, Scalar(store, "SELECT events FROM report_rollup WHERE env = 'acme' AND month = 202609 AND dim = 0 AND type = 0"));
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
    public async Task In_a_batch_mixing_a_duplicate_and_a_new_event_only_the_new_events_month_goes_stale()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await ReportRollups.BuildStaleAsync(store, Utc);

        var outcomes = await store.WriteAsync("acme", [Search("oct-1", Utc2026(10, 2)), Search("sep-new", Utc2026(9, 9))]);

        Assert.Equal([WriteOutcome.Duplicate, WriteOutcome.Inserted], outcomes);
        Assert.Equal([("acme", 202609)], ReportRollups.StaleMonths(store, Utc));
    }

    [Fact]
    public async Task Months_are_tracked_per_environment()
    {
        var store = OpenReporting(_files, Utc);
        await WriteTwoMonthsAsync(store);
        await store.WriteAsync("globex", [Search("oct-1", Utc2026(10, 5))]);
        await ReportRollups.BuildStaleAsync(store, Utc);

        await store.WriteAsync("globex", [Search("oct-2", Utc2026(10, 6))]);

        Assert.Equal([("globex", 202610)], ReportRollups.StaleMonths(store, Utc));
        Assert.True(Months(store)[("acme", 202610)].Current);
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
