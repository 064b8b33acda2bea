using GraphReports.Analytics.Queries;
using GraphReports.Reports.Contract;
using GraphReports.Sqlite.Recent;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// Recent events held in memory are brought up to date from each batch's snapshot: figures asked between writes
/// (late events and duplicates among them) equal the in-memory evaluation, and only queries inside the window read them.
/// </summary>
public sealed class RecentEventsTests
{
    [Fact]
    public async Task Figures_asked_between_writes_with_late_events_and_duplicates_match_the_in_memory_evaluation()
    {
        for (var seed = 2000; seed < 2008; seed++)
        {
            var random = new RandomActivity(seed);
            var recent = RecentEvents.All();
            using var db = new ReportDatabase(ZoneOf, recent);
            var oracle = new InMemoryOracle();
            // Random slices, and per environment the filter pairs and assets of the whole span (every batch adds to them).
            var span = new Period(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var queries = Enumerable.Range(0, 8).Select(_ => random.Query())
                .Concat(RandomActivity.Environments.SelectMany(e => new[]
                {
                    new ReportQuery(new EventFilter(e.Id, span), Measure.Events, new TopShape(Dimension.FilterPair, 3)),
                    new ReportQuery(new EventFilter(e.Id, span), Measure.DistinctUsers, new TopShape(Dimension.Asset, null, breakDownByType: true)),
                }))
                .ToArray();
            var batch = 0;
            // Each batch of writes is followed by the same questions: the second and later answers read only the rows stored since.
            foreach (var chunk in random.Events(300).Chunk(61))
            {
                foreach (var group in chunk.GroupBy(x => x.Env))
                {
                    db.Write(group.Key, group.Select(x => x.Event));
                    oracle.Write(group.Key, group.Select(x => x.Event));
                }
                var answers = await db.Store.ExecuteAsync(queries);
                for (var i = 0; i < queries.Length; i++)
                {
                    var expected = oracle.Evaluate(queries[i]);
                    if (!expected.Equals(answers[i]))
                        Assert.Fail($"seed {seed}, after batch {batch}, query {i}: {queries[i]}\nexpected {RandomSlicesContract.Describe(expected)}\nactual   {RandomSlicesContract.Describe(answers[i])}");
                }
                batch++;
            }
            // Every stored event of each environment asked about is held once, duplicates not.
            foreach (var env in queries.Select(q => q.EnvironmentId).Distinct())
                Assert.Equal(oracle.CountIn(env), recent.RowsOf(env));
        }
    }

    [Fact]
    public async Task A_batch_whose_snapshot_began_before_another_batch_caught_up_sees_only_the_events_of_its_snapshot()
    {
        var random = new RandomActivity(5000);
        var recent = RecentEvents.All();
        using var db = new ReportDatabase(ZoneOf, recent);
        var other = db.AnotherReader(recent);
        var oracle = new InMemoryOracle();
        var (first, second) = (RandomActivity.Environments[0].Id, RandomActivity.Environments[1].Id);
        var events = random.Events(600).ToArray();
        var later = events.Skip(400).Where(x => x.Env == second).Select(x => x.Event).ToArray();
        foreach (var group in events.Take(400).GroupBy(x => x.Env))
        {
            db.Write(group.Key, group.Select(x => x.Event));
            oracle.Write(group.Key, group.Select(x => x.Event));
        }
        var span = new Period(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        ReportQuery[] queries =
        [
            new(new EventFilter(first, span), Measure.Events, TotalShape.Instance),
            new(new EventFilter(second, span), Measure.Events, TotalShape.Instance),
            new(new EventFilter(second, span), Measure.DistinctUsers, TotalShape.Instance),
            new(new EventFilter(second, span), Measure.Events, new TopShape(Dimension.Asset, null, breakDownByType: true)),
        ];
        await db.Store.ExecuteAsync(queries); // both environments held
        var expected = queries.Select(oracle.Evaluate).ToArray();

        // After the batch's snapshot began and its first environment caught up, more events of the second are stored
        // and another batch brings the second environment's rows up to them: the first batch must not count them.
        var interleaved = false;
        db.Store.StatementTimed = (sql, _) =>
        {
            if (interleaved || sql != "recent events: catch up") return;
            interleaved = true;
            Assert.NotEqual(0, db.Write(second, later));
            other.ExecuteAsync(queries).GetAwaiter().GetResult();
        };
        var answers = await db.Store.ExecuteAsync(queries);

        Assert.True(interleaved);
        Assert.Equal(expected, answers);
        oracle.Write(second, later);
        Assert.Equal(queries.Select(oracle.Evaluate), await db.Store.ExecuteAsync(queries));
        Assert.NotEqual(expected[1], queries.Select(oracle.Evaluate).ElementAt(1));
    }

    [Fact]
    public async Task A_list_in_any_order_holds_the_entries_of_the_ranked_list_from_memory_and_from_SQL()
    {
        var random = new RandomActivity(6000);
        using var db = new ReportDatabase(ZoneOf, RecentEvents.All());
        var sqlOnly = db.AnotherReader(recent: null);
        foreach (var group in random.Events(500).GroupBy(x => x.Env)) db.Write(group.Key, group.Select(x => x.Event));
        var span = new Period(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var filter = new EventFilter(RandomActivity.Environments[0].Id, span);
        static TopEntry[] ByKey(QueryResult r) => [.. ((TopResult)r).Entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
        foreach (var dimension in new[] { Dimension.Asset, Dimension.User, Dimension.Session })
            foreach (var breakdown in new[] { false, true })
            {
                var ranked = new ReportQuery(filter, Measure.Events, new TopShape(dimension, null, breakdown));
                var any = new ReportQuery(filter, Measure.Events, new TopShape(dimension, null, breakdown, anyOrder: true));
                var fromMemory = await db.Store.ExecuteAsync([ranked, any]);
                var fromSql = await sqlOnly.ExecuteAsync([any]);
                Assert.True(((TopResult)fromMemory[0]).Entries.Count >= 4, $"{dimension}: too few entries to tell");
                Assert.Equal(ByKey(fromMemory[0]), ByKey(fromMemory[1]));
                Assert.Equal(ByKey(fromMemory[0]), ByKey(fromSql[0]));
            }
    }

    [Fact]
    public async Task Only_queries_whose_period_starts_inside_the_window_are_answered_from_memory()
    {
        var random = new RandomActivity(3000);
        var windowStart = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        using var db = new ReportDatabase(ZoneOf, new RecentEvents(() => windowStart));
        var oracle = new InMemoryOracle();
        foreach (var group in random.Events(400).GroupBy(x => x.Env))
        {
            db.Write(group.Key, group.Select(x => x.Event));
            oracle.Write(group.Key, group.Select(x => x.Event));
        }
        var statements = new List<string>();
        db.Store.StatementTimed = (sql, _) => statements.Add(sql);
        var zone = RandomActivity.Environments[0].Zone;
        var env = RandomActivity.Environments[0].Id;
        ReportQuery Users(Analytics.Time.Month month) => new(new EventFilter(env, Period.ForMonth(month, zone)), Measure.DistinctUsers, TotalShape.Instance);
        var inside = Users(new(2026, 3));
        var before = Users(new(2025, 10));

        var answers = await db.Store.ExecuteAsync([inside, before]);

        Assert.Equal(oracle.Evaluate(inside), answers[0]);
        Assert.Equal(oracle.Evaluate(before), answers[1]);
        Assert.Contains("recent events: " + inside.CacheKey, statements);
        Assert.DoesNotContain("recent events: " + before.CacheKey, statements);
        Assert.Contains(statements, s => s.Contains("FROM event e", StringComparison.Ordinal)); // the October query scanned
    }

    [Fact]
    public async Task When_a_month_begins_the_window_moves_and_the_month_that_left_it_is_answered_by_SQL()
    {
        var random = new RandomActivity(4000);
        var clock = new MovableClock(new DateTimeOffset(2025, 12, 20, 12, 0, 0, TimeSpan.Zero));
        var recent = RecentEvents.OpenMonths(clock);
        using var db = new ReportDatabase(ZoneOf, recent);
        var oracle = new InMemoryOracle();
        foreach (var group in random.Events(400).GroupBy(x => x.Env))
        {
            db.Write(group.Key, group.Select(x => x.Event));
            oracle.Write(group.Key, group.Select(x => x.Event));
        }
        var (env, zone) = RandomActivity.Environments[0];
        ReportQuery Users(Analytics.Time.Month month) => new(new EventFilter(env, Period.ForMonth(month, zone)), Measure.DistinctUsers, TotalShape.Instance);
        var november = Users(new(2025, 11));
        var february = Users(new(2026, 2));
        var statements = new List<string>();
        db.Store.StatementTimed = (sql, _) => statements.Add(sql);

        // 20 December 2025: the window starts on 31 October, so November is in memory (and February, later).
        Assert.Equal([oracle.Evaluate(november), oracle.Evaluate(february)], await db.Store.ExecuteAsync([november, february]));
        Assert.Contains("recent events: " + november.CacheKey, statements);
        var heldInDecember = recent.RowsOf(env);

        // 10 February 2026: the window starts on 31 December; November is SQL again, February still in memory, and the rows are reloaded.
        clock.Now = new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero);
        statements.Clear();
        Assert.Equal([oracle.Evaluate(november), oracle.Evaluate(february)], await db.Store.ExecuteAsync([november, february]));
        Assert.DoesNotContain("recent events: " + november.CacheKey, statements);
        Assert.Contains("recent events: " + february.CacheKey, statements);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero), recent.WindowStart);
        Assert.True(recent.RowsOf(env) < heldInDecember, $"{recent.RowsOf(env)} rows held in February, {heldInDecember} in December");
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static TimeZoneInfo ZoneOf(string env) => RandomActivity.Environments.Single(e => e.Id == env).Zone;
}
