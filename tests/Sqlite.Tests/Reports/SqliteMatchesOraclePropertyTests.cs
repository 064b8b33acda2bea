using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// For random datasets and random custom slices, the SQLite answer (rollups or scans, batched)
/// equals the in-memory LINQ evaluation of the same query over the same events, answered from scans
/// (every month stale) and again from the rebuilt rollups.
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
            // Written in several batches, so later batches carry late events and duplicates of earlier ones.
            foreach (var batch in random.Events(400).Chunk(57))
                foreach (var group in batch.GroupBy(x => x.Env))
                {
                    db.Write(group.Key, group.Select(x => x.Event));
                    oracle.Write(group.Key, group.Select(x => x.Event));
                }

            var queries = Enumerable.Range(0, QueriesPerDataset).Select(_ => random.Query()).ToArray();
            // Asked as one batch, as the GraphQL layer does, so merged statements are exercised too:
            // first with every month stale (scans), then with the rollups rebuilt.
            foreach (var source in new[] { "scans", "rollups" })
            {
                if (source == "rollups") Assert.True(db.BuildRollups() > 0);
                var answers = await db.Store.ExecuteAsync(queries);
                for (var i = 0; i < queries.Length; i++)
                {
                    var expected = oracle.Evaluate(queries[i]);
                    if (!expected.Equals(answers[i]))
                        Assert.Fail($"seed {seed}, query {i} from {source}: {queries[i]}\nexpected {Describe(expected)}\nactual   {Describe(answers[i])}");
                }
            }
        }
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
