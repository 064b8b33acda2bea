using GraphReports.Analytics.Events;
using GraphReports.Analytics.Time;
using GraphReports.Reports.Contract;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// The rollups the writer keeps current: for random datasets, after the months are built, 200 more events
/// (late ones and duplicates of stored events included) are added by the writer; random slices then match
/// the in-memory evaluation, and the rollup rows equal what a rebuild from the events writes.
/// </summary>
public sealed class WriterKeptRollupsPropertyTests
{
    private const int Datasets = 20, QueriesPerDataset = 10;

    [Fact]
    public async Task Random_slices_after_writes_into_current_rollups_match_the_in_memory_evaluation_and_a_rebuild()
    {
        for (var d = 0; d < Datasets; d++)
        {
            var seed = 1000 + d;
            var random = new RandomActivity(seed);
            using var db = new ReportDatabase(env => RandomActivity.Environments.Single(e => e.Id == env).Zone);
            var oracle = new InMemoryOracle();
            void Write(IEnumerable<(string Env, ActivityEvent Event)> events)
            {
                foreach (var batch in events.Chunk(57))
                    foreach (var group in batch.GroupBy(x => x.Env))
                    {
                        db.Write(group.Key, group.Select(x => x.Event));
                        oracle.Write(group.Key, group.Select(x => x.Event));
                    }
            }
            var events = random.Events(600);
            Write(events.Take(400));
            Assert.True(db.BuildRollups() > 0);
            Write(events.Skip(400).Concat(events.Take(40))); // 200 more, and 40 duplicates of stored events
            // The months built stay current; only months the first 400 events never reached are stale (scanned).
            var built = events.Take(400).Select(x => (x.Env, MonthNumber(x.Event.Timestamp, x.Env))).ToHashSet();
            Assert.All(db.StaleMonths(), m => Assert.DoesNotContain(m, built));

            var queries = Enumerable.Range(0, QueriesPerDataset).Select(_ => random.Query()).ToArray();
            var answers = await db.Store.ExecuteAsync(queries);
            for (var i = 0; i < queries.Length; i++)
            {
                var expected = oracle.Evaluate(queries[i]);
                if (!expected.Equals(answers[i]))
                    Assert.Fail($"seed {seed}, query {i}: {queries[i]}\nexpected {RandomSlicesContract.Describe(expected)}\nactual   {RandomSlicesContract.Describe(answers[i])}");
            }
            // What the writer added is exactly what a rebuild writes (months never built are built first).
            db.BuildRollups();
            var kept = db.CurrentRollupRows();
            db.RebuildAllRollups();
            var rebuilt = db.CurrentRollupRows();
            Assert.True(rebuilt.SequenceEqual(kept), $"seed {seed}: rollups kept by the writer differ from a rebuild; first difference: " +
                $"{kept.Except(rebuilt).FirstOrDefault()} / {rebuilt.Except(kept).FirstOrDefault()}");
        }
    }

    private static int MonthNumber(DateTimeOffset at, string env)
    {
        var month = ZonedCalendar.MonthOf(at, RandomActivity.Environments.Single(e => e.Id == env).Zone);
        return month.Year * 100 + month.Number;
    }
}
