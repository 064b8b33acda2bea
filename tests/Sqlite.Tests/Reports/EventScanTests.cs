using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// What scanning the store's own tables must get right beyond the datasets of the other report tests:
/// instants below the millisecond, strings held as interned ids (ordered as strings, not as ids),
/// repeated filter pairs, folder ranges, and reading rollups only for months marked current.
/// </summary>
public sealed class EventScanTests : IDisposable
{
    private const string Env = "scan";
    private static readonly DateTimeOffset Noon = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _files = new();
    private readonly SqliteEventStore _writer;
    private readonly SqliteReportStore _store;

    public EventScanTests()
    {
        _writer = _files.Open(new ReportRollupObserver(_ => TimeZoneInfo.Utc));
        _store = new SqliteReportStore(_files.Options);
    }

    public void Dispose() => _files.Dispose();

    private void Write(params ActivityEvent[] events) => _writer.WriteAsync(Env, events).GetAwaiter().GetResult();

    private static ActivityEvent Event(string id, EventType type, DateTimeOffset at, string? user = null) =>
        new() { Id = id, Type = type, Timestamp = at, User = user, Session = user is null ? null : "s-" + user };

    private async Task<QueryResult> Ask(EventFilter filter, Measure measure, Shape shape) =>
        (await _store.ExecuteAsync([new ReportQuery(filter, measure, shape)]))[0];

    private async Task<long> Count(Period period) =>
        ((TotalResult)await Ask(new EventFilter(Env, period), Measure.Events, TotalShape.Instance)).Value;

    private static string Describe(QueryResult r) => GraphReports.Reports.Contract.RandomSlicesContract.Describe(r);

    [Fact]
    public async Task Period_bounds_below_the_millisecond_are_exact()
    {
        // Three events in the same millisecond (ticks 0, 4999 and 5000 below it), one in the next.
        Write(
            Event("t0", EventType.SessionStarted, Noon),
            Event("t4999", EventType.SessionStarted, Noon.AddTicks(4999)),
            Event("t5000", EventType.SessionStarted, Noon.AddTicks(5000)),
            Event("next", EventType.SessionStarted, Noon.AddTicks(10_000)));

        Assert.Equal(3, await Count(new Period(Noon.AddTicks(1), Noon.AddTicks(10_001))));      // t4999, t5000, next
        Assert.Equal(2, await Count(new Period(Noon.AddTicks(4999), Noon.AddTicks(10_000))));   // t4999, t5000
        Assert.Equal(1, await Count(new Period(Noon.AddTicks(4999), Noon.AddTicks(5000))));     // t4999 only
        Assert.Equal(0, await Count(new Period(Noon.AddTicks(5001), Noon.AddTicks(10_000))));
        Assert.Equal(4, await Count(new Period(Noon, Noon.AddMilliseconds(2))));                // whole milliseconds
        Assert.Equal(3, await Count(new Period(Noon, Noon.AddTicks(10_000))));
    }

    [Fact]
    public async Task Instants_before_1970_are_floored_to_their_millisecond_like_the_writer()
    {
        var old = new DateTimeOffset(1969, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(2500);
        Write(Event("old", EventType.SessionStarted, old));

        Assert.Equal(1, await Count(new Period(old, old.AddTicks(1))));
        Assert.Equal(0, await Count(new Period(old.AddTicks(1), old.AddTicks(7500))));
        Assert.Equal(0, await Count(new Period(old.AddTicks(-2500), old)));
    }

    [Fact]
    public async Task Top_list_ties_are_cut_in_string_order_whatever_order_the_strings_were_interned_in()
    {
        // "zed" is interned first (smallest id), "amy" last: the tie-break must still list "amy" first.
        Write(
            Event("1", EventType.SessionStarted, Noon, "zed"),
            Event("2", EventType.SessionStarted, Noon, "mia"),
            Event("3", EventType.SessionStarted, Noon, "amy"),
            Event("4", EventType.SessionStarted, Noon, "bob"),
            Event("5", EventType.SessionStarted, Noon, "bob"));

        var top = await Ask(new EventFilter(Env, Period.ForMonth(new Month(2026, 3), TimeZoneInfo.Utc)), Measure.Events,
            new TopShape(Dimension.User, 3));

        Assert.Equal("bob//=2 | amy//=1 | mia//=1", Describe(top));
    }

    [Fact]
    public async Task A_search_naming_the_same_filter_pair_twice_counts_it_once()
    {
        SearchDetails Filters(params (string Field, string Value)[] pairs) =>
            new(SearchKind.Filters, Filters: pairs.Select(p => new SearchFilter(p.Field, p.Value)).ToArray());
        Write(
            Event("1", EventType.Search, Noon, "u") with { Search = Filters(("tag", "red"), ("tag", "red"), ("color", "red")) },
            Event("2", EventType.Search, Noon, "u") with { Search = Filters(("tag", "red"), ("tag", "blue")) });

        var top = await Ask(new EventFilter(Env, Period.ForMonth(new Month(2026, 3), TimeZoneInfo.Utc)), Measure.Events,
            new TopShape(Dimension.FilterPair, 10));

        // field then value in string order at equal counts ("red" was interned before "color" and "blue")
        Assert.Equal("tag/red/=2 | color/red/=1 | tag/blue/=1", Describe(top));
    }

    [Fact]
    public async Task A_folder_criterion_matches_the_folder_and_its_subfolders_only()
    {
        ActivityEvent In(string id, string folder) =>
            Event(id, EventType.AssetImpression, Noon) with { Asset = new AssetRef("a-" + id, null, folder) };
        Write(In("1", "a/b"), In("2", "a/b/c"), In("3", "a/b/c/d"), In("4", "a/bc"), In("5", "a/b0"), In("6", "a"), In("7", ""));
        var month = Period.ForMonth(new Month(2026, 3), TimeZoneInfo.Utc);

        var top = await Ask(new EventFilter(Env, month) { FolderPrefix = "/a/b/" }, Measure.Events, new TopShape(Dimension.Asset, null));
        var root = await Ask(new EventFilter(Env, month) { FolderPrefix = "" }, Measure.Events, TotalShape.Instance);

        Assert.Equal("a-1//=1 | a-2//=1 | a-3//=1", Describe(top));
        Assert.Equal("1", Describe(root));
    }

    [Fact]
    public async Task Rollups_are_read_only_for_months_marked_current_in_the_period_zone()
    {
        Write(Event("1", EventType.SessionStarted, Noon, "u"));
        var query = new ReportQuery(new EventFilter(Env, Period.ForMonth(new Month(2026, 3), TimeZoneInfo.Utc)), Measure.DistinctUsers, TotalShape.Instance);
        var statements = new List<string>();
        _store.StatementTimed = (sql, _) => statements.Add(sql);

        async Task<bool> ReadsRollups(string? zone, int current)
        {
            SetRollupMonth(zone, current);
            statements.Clear();
            await _store.ExecuteAsync([query]);
            return statements.Single().Contains("report_rollup", StringComparison.Ordinal);
        }

        Assert.False(await ReadsRollups(zone: null, current: 0));          // no row: never built
        Assert.False(await ReadsRollups("UTC", current: 0));                // stale
        Assert.False(await ReadsRollups("Europe/Paris", current: 1));       // built in another zone
        Assert.True(await ReadsRollups("UTC", current: 1));
    }

    /// <summary>Sets (or with a null zone deletes) the 2026-03 row of <c>report_rollup_month</c>, as the rollup builder would.</summary>
    private void SetRollupMonth(string? zone, int current)
    {
        using var connection = new SqliteConnection($"Data Source={_files.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = zone is null
            ? "DELETE FROM report_rollup_month WHERE env = $env"
            : "INSERT OR REPLACE INTO report_rollup_month (env, month, zone, current) VALUES ($env, 202603, $zone, $current)";
        command.Parameters.AddWithValue("$env", Env);
        command.Parameters.AddWithValue("$zone", (object?)zone ?? DBNull.Value);
        command.Parameters.AddWithValue("$current", current);
        command.ExecuteNonQuery();
    }
}
