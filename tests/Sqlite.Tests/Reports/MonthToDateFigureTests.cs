using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Reports.Contract;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Rollups;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// Figures over a month's start up to an instant (the summary's "previous month to date") read the rollups when the
/// month is current: distinct counts the key rows' first instants, totals the day rows of the whole days before plus a
/// scan of the last day. They give what a count by hand gives, the same as a scan, to the tick at the boundary, with
/// late events kept by the writer. Berlin, October 2026: the month starts at 2026-09-30 22:00 UTC.
/// </summary>
public sealed class MonthToDateFigureTests : IDisposable
{
    private static readonly Month October = new(2026, 10);
    private static readonly DateTimeOffset MonthStart = ZonedCalendar.PeriodOf(October, Berlin).Start;
    private static readonly DateTimeOffset MonthEnd = ZonedCalendar.PeriodOf(October, Berlin).End;
    // u-4 searches half an hour into the month (1 October); on 5 October u-3 downloads in bulk at 08:00, u-1 searches
    // at 09:00 and downloads at 10:00, u-2 searches at 09:30 and downloads at 12:00 (UTC).
    private static readonly DateTimeOffset T0800 = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0900 = T0800.AddHours(1), T0930 = T0900.AddMinutes(30), T1000 = T0800.AddHours(2), T1200 = T0800.AddHours(4);
    private static readonly DateTimeOffset October5 = ZonedCalendar.StartOfDay(new DateOnly(2026, 10, 5), Berlin);

    private readonly TempStore _files = new();
    private readonly SqliteEventStore _writer;
    private readonly SqliteReportStore _reports;
    private readonly List<string> _statements = [];

    public MonthToDateFigureTests()
    {
        _writer = OpenReporting(_files, _ => Berlin);
        _writer.WriteAsync("acme", [
            Search("e7", MonthStart.AddMinutes(30), user: "u-4", session: "s-4"),
            Download("e0", T0800, user: "u-3", session: "s-3") with { Download = new DownloadDetails(Bulk: true) },
            Search("e1", T0900, user: "u-1", session: "s-1"),
            Search("e2", T0930, user: "u-2", session: "s-2"),
            Download("e3", T1000, user: "u-1", session: "s-1"),
            Download("e4", T1200, user: "u-2", session: "s-2"),
            // Before the month (in Berlin): 2026-09-30 21:59 UTC is September there.
            Search("e5", MonthStart.AddMinutes(-1), user: "u-9", session: "s-9"),
        ]).GetAwaiter().GetResult();
        _reports = new SqliteReportStore(_files.Options) { StatementTimed = (sql, _) => _statements.Add(sql) };
    }

    public void Dispose() => _files.Dispose();

    private async Task<long> UpTo(DateTimeOffset end, Measure measure, EventType[]? types, BulkDownloads bulk = BulkDownloads.Include)
    {
        var query = new ReportQuery(new EventFilter("acme", new Period(MonthStart, end)) { Types = types, BulkDownloads = bulk }, measure, new TotalShape());
        return ((TotalResult)(await _reports.ExecuteAsync([query]))[0]).Value;
    }

    private Task<long> DistinctUsersUpTo(DateTimeOffset end, EventType[] types, BulkDownloads bulk = BulkDownloads.Include) =>
        UpTo(end, Measure.DistinctUsers, types, bulk);

    private static readonly EventType[] Activity = [EventType.Search, EventType.Download, EventType.Upload];

    private async Task<long[]> FiguresAsync() =>
    [
        await DistinctUsersUpTo(T0900, Activity), // u-4, u-3
        await DistinctUsersUpTo(T0930, Activity), // + u-1
        await DistinctUsersUpTo(T0930.AddTicks(1), Activity), // + u-2 (whose search is at exactly 09:30)
        await DistinctUsersUpTo(T1200, [EventType.Download]), // u-3, u-1
        await DistinctUsersUpTo(T1200, [EventType.Download], BulkDownloads.Exclude), // u-1
        await DistinctUsersUpTo(T1200.AddTicks(1), [EventType.Download], BulkDownloads.Exclude), // u-1, u-2
        await DistinctUsersUpTo(MonthStart, Activity), // nobody: an empty span
        await UpTo(T0930, Measure.Events, [EventType.Search]), // e7 (1 October, a day row), e1
        await UpTo(T0930.AddTicks(1), Measure.Events, [EventType.Search]), // + e2
        await UpTo(October5, Measure.Events, [EventType.Search]), // e7: cut at a day's first instant, nothing of 5 October
        await UpTo(T1200, Measure.Events, [EventType.Download]), // e0, e3
        await UpTo(T1200.AddTicks(1), Measure.Events, [EventType.Download], BulkDownloads.Exclude), // e3, e4
        await UpTo(T1000.AddTicks(1), Measure.Events, null), // any type: e7, e0, e1, e2, e3
        await UpTo(MonthEnd, Measure.Events, null), // the whole month: all but e5
    ];

    private static readonly long[] ByHand = [2, 3, 4, 2, 1, 2, 0, 2, 3, 1, 2, 2, 5, 6];

    [Fact]
    public async Task Scanned_before_the_rollups_are_built_the_figures_are_the_hand_counts()
    {
        Assert.Equal(ByHand, await FiguresAsync());
        Assert.All(_statements, sql => Assert.DoesNotContain("report_rollup", sql));
    }

    [Fact]
    public async Task Read_from_the_rollups_of_a_current_month_the_figures_are_the_same()
    {
        await ReportRollups.BuildStaleAsync(_writer, _ => Berlin);

        Assert.Equal(ByHand, await FiguresAsync());
        Assert.Equal(ByHand.Length, _statements.Count);
        Assert.All(_statements[..7], sql => Assert.Contains("FROM report_rollup_keys", sql));
        Assert.All(_statements[7..], sql => Assert.Contains($"dim = {ReportSchema.DayDimension}", sql));
    }

    [Fact]
    public async Task A_late_event_kept_by_the_writer_moves_a_keys_first_instant_back()
    {
        await ReportRollups.BuildStaleAsync(_writer, _ => Berlin);
        Assert.Equal(2, await DistinctUsersUpTo(T0900, Activity));

        // A search by u-2 at 08:30 arrives late (u-2's earliest search was 09:30): from then on, three users were active
        // before 09:00. The month stays current.
        await _writer.WriteAsync("acme", [Search("e6", T0800.AddMinutes(30), user: "u-2", session: "s-2")]);

        Assert.Empty(ReportRollups.StaleMonths(_writer, _ => Berlin));
        Assert.Equal(3, await DistinctUsersUpTo(T0900, Activity));
        Assert.Contains("FROM report_rollup_keys", _statements[^1]);
        Assert.Equal($"{T0800.AddMinutes(30).UtcTicks}", Assert.Single(Rows(_writer,
            $"SELECT first FROM report_rollup_keys WHERE month = 202610 AND dim = {(int)Dimension.User} AND type = {(int)EventType.Search} AND key = 'u-2'")));
    }

    [Fact]
    public async Task A_late_event_kept_by_the_writer_is_counted_in_its_days_row()
    {
        await ReportRollups.BuildStaleAsync(_writer, _ => Berlin);
        Assert.Equal(2, await UpTo(T0930, Measure.Events, [EventType.Search]));

        await _writer.WriteAsync("acme", [Search("e6", MonthStart.AddDays(1), user: "u-2", session: "s-2")]); // 2 October, late

        Assert.Empty(ReportRollups.StaleMonths(_writer, _ => Berlin));
        Assert.Equal(3, await UpTo(T0930, Measure.Events, [EventType.Search]));
        Assert.Contains($"dim = {ReportSchema.DayDimension}", _statements[^1]);
    }

    [Fact]
    public async Task A_period_that_does_not_start_at_the_months_start_is_scanned()
    {
        await ReportRollups.BuildStaleAsync(_writer, _ => Berlin);
        var query = new ReportQuery(new EventFilter("acme", new Period(MonthStart.AddTicks(1), T0930)) { Types = Activity }, Measure.DistinctUsers, new TotalShape());

        Assert.Equal(3, ((TotalResult)(await _reports.ExecuteAsync([query]))[0]).Value); // u-4, u-3, u-1
        Assert.DoesNotContain("report_rollup", Assert.Single(_statements));
    }

    [Fact]
    public async Task Random_month_to_date_figures_after_late_events_and_duplicates_match_the_in_memory_evaluation()
    {
        Measure[] measures =
        [
            Measure.DistinctUsers, Measure.DistinctAssets, Measure.DistinctSessions, Measure.DistinctCollections, Measure.Events, Measure.Events, Measure.RatingSum,
            Measure.Weighted(new Dictionary<EventType, int> { [EventType.AssetImpression] = 1, [EventType.AssetClick] = 10 }),
        ];
        for (var seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            var activity = new RandomActivity(500 + seed);
            using var db = new ReportDatabase(env => RandomActivity.Environments.Single(e => e.Id == env).Zone);
            var oracle = new InMemoryOracle();
            void Write(IEnumerable<(string Env, ActivityEvent Event)> batch)
            {
                foreach (var group in batch.GroupBy(x => x.Env))
                {
                    db.Write(group.Key, group.Select(x => x.Event));
                    oracle.Write(group.Key, group.Select(x => x.Event));
                }
            }
            var events = activity.Events(500);
            Write(events.Take(350));
            db.BuildRollups();
            foreach (var batch in events.Skip(350).Concat(events.Take(30)).Chunk(25)) Write(batch); // late events, duplicates

            var queries = Enumerable.Range(0, 40).Select(_ =>
            {
                var (env, zone) = RandomActivity.Environments[random.Next(RandomActivity.Environments.Length)];
                var month = ZonedCalendar.PeriodOf(RandomActivity.Months[random.Next(RandomActivity.Months.Length)], zone);
                var end = month.Start.AddTicks(random.NextInt64(0, (month.End - month.Start).Ticks + 1));
                var types = random.Next(5) == 0 ? null : EventTypeNames.All.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
                return new ReportQuery(new EventFilter(env, new Period(month.Start, end))
                {
                    Types = types, BulkDownloads = (BulkDownloads)random.Next(3),
                    // Variant criteria: the day rows keep them (distinct counts with them scan).
                    SearchKinds = random.Next(6) == 0 ? [(SearchKind)random.Next(1, 7)] : null,
                    Channels = random.Next(6) == 0 ? [(UsageChannel)random.Next(1, 5)] : null,
                    ZeroResultsOnly = random.Next(8) == 0,
                    Preset = random.Next(8) == 0 ? random.Next(2) == 0 : null,
                }, measures[random.Next(measures.Length)], new TotalShape());
            }).ToArray();
            var statements = new List<string>();
            db.Store.StatementTimed = (sql, _) => statements.Add(sql);
            var answers = await db.Store.ExecuteAsync(queries);
            for (var i = 0; i < queries.Length; i++)
                Assert.True(oracle.Evaluate(queries[i]).Equals(answers[i]), $"seed {seed}, query {i}: {queries[i]}: expected {oracle.Evaluate(queries[i])}, got {answers[i]}");
            Assert.Contains(statements, sql => sql.Contains("first <", StringComparison.Ordinal)); // the key rows were read
            Assert.Contains(statements, sql => sql.Contains($"dim = {ReportSchema.DayDimension}", StringComparison.Ordinal)); // and the day rows
        }
    }
}
