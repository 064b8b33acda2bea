using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// For random datasets and random custom slices, the SQLite answer (rollups or scans, batched)
/// equals the in-memory LINQ evaluation of the same query over the same events, answered from scans
/// (every month stale), again from the rebuilt rollups, and again after more events (late ones and
/// duplicates included) were added to the current rollups by the writer.
/// </summary>
public sealed class SqliteMatchesOraclePropertyTests
{
    private const int Datasets = 20, QueriesPerDataset = 10;

    [Fact]
    public async Task Random_slices_over_random_datasets_match_the_in_memory_evaluation()
    {
        for (var d = 0; d < Datasets; d++)
        {
            var seed = 1000 + d;
            var random = new RandomActivity(seed);
            using var db = new ReportDatabase(env => RandomActivity.Environments.Single(e => e.Id == env).Zone);
            var oracle = new InMemoryOracle();
            void Write(IEnumerable<(string Env, Analytics.Events.ActivityEvent Event)> events)
            {
                // Written in several batches, so later batches carry late events and duplicates of earlier ones.
                foreach (var batch in events.Chunk(57))
                    foreach (var group in batch.GroupBy(x => x.Env))
                    {
                        db.Write(group.Key, group.Select(x => x.Event));
                        oracle.Write(group.Key, group.Select(x => x.Event));
                    }
            }
            var events = random.Events(600);
            Write(events.Take(400));

            var queries = Enumerable.Range(0, QueriesPerDataset).Select(_ => random.Query()).ToArray();
            // Asked as one batch, as the GraphQL layer does, so merged statements are exercised too:
            // first with every month stale (scans), then with the rollups rebuilt, then with 200 more events
            // and 40 duplicates of earlier ones added to the current rollups by the writer.
            foreach (var source in new[] { "scans", "rollups", "rollups kept current by the writer" })
            {
                if (source == "rollups") Assert.True(db.BuildRollups() > 0);
                if (source == "rollups kept current by the writer")
                {
                    Write(events.Skip(400).Concat(events.Take(40)));
                    // The months built stay current; only months the first 400 events never reached are stale (scanned).
                    var built = events.Take(400).Select(x => (x.Env, MonthNumber(x.Event.Timestamp, x.Env))).ToHashSet();
                    Assert.All(db.StaleMonths(), m => Assert.DoesNotContain(m, built));
                }
                var answers = await db.Store.ExecuteAsync(queries);
                for (var i = 0; i < queries.Length; i++)
                {
                    var expected = oracle.Evaluate(queries[i]);
                    if (!expected.Equals(answers[i]))
                        Assert.Fail($"seed {seed}, query {i} from {source}: {queries[i]}\nexpected {Describe(expected)}\nactual   {Describe(answers[i])}");
                }
            }
            // What the writer added to the current months is exactly what a rebuild from their events writes
            // (months never built are built first, so both sides hold the same months).
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
        var month = Analytics.Time.ZonedCalendar.MonthOf(at, RandomActivity.Environments.Single(e => e.Id == env).Zone);
        return month.Year * 100 + month.Number;
    }

    internal static string Describe(QueryResult r) => r switch
    {
        TotalResult t => t.Value.ToString(),
        TopResult t => string.Join(" | ", t.Entries.Select(e => $"{e.Key}/{e.SecondKey}/{e.Name}={e.Value}"
            + (e.ByType is null ? "" : "{" + string.Join(",", e.ByType.OrderBy(x => x.Key).Select(x => $"{x.Key}:{x.Value}")) + "}"))),
        HistogramResult h => string.Join(" ", h.Buckets.Select(b => $"{b.Start:yyyy-MM-ddTHH:mmzzz}={b.Value}")),
        _ => r.ToString()!,
    };
}
