using GraphReports.Analytics.Queries;

namespace GraphReports.Reports.Contract;

/// <summary>
/// For random datasets and random custom slices, the store's answer (batched, as the GraphQL layer
/// asks) equals the in-memory LINQ evaluation of the same query over the same events
/// (<see cref="InMemoryOracle"/>), in every way the store can answer (<see cref="AnswerModes"/>).
/// </summary>
public abstract class RandomSlicesContract
{
    private const int Datasets = 20, QueriesPerDataset = 10;

    /// <summary>A fresh, empty store whose environments have the zones of <paramref name="zoneOf"/>.</summary>
    protected abstract IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf);

    /// <summary>
    /// The ways the store answers the data it holds, each checked in turn: it yields a name once the store
    /// answers that way (SQLite: from scans, then again after rebuilding its rollups).
    /// </summary>
    protected virtual IEnumerable<string> AnswerModes(IContractStore store)
    {
        yield return "store";
    }

    [ContractFact]
    public async Task Random_slices_over_random_datasets_match_the_in_memory_evaluation()
    {
        for (var d = 0; d < Datasets; d++)
        {
            var seed = 1000 + d;
            var random = new RandomActivity(seed);
            using var db = CreateStore(env => RandomActivity.Environments.Single(e => e.Id == env).Zone);
            var oracle = new InMemoryOracle();
            // Written in several batches, so later batches carry late events and duplicates of earlier ones.
            foreach (var batch in random.Events(400).Chunk(57))
                foreach (var group in batch.GroupBy(x => x.Env))
                {
                    db.Write(group.Key, group.Select(x => x.Event));
                    oracle.Write(group.Key, group.Select(x => x.Event));
                }

            var queries = Enumerable.Range(0, QueriesPerDataset).Select(_ => random.Query()).ToArray();
            // Asked as one batch, as the GraphQL layer does, so merged statements are exercised too.
            foreach (var source in AnswerModes(db))
            {
                var answers = await db.Reports.ExecuteAsync(queries);
                for (var i = 0; i < queries.Length; i++)
                {
                    var expected = oracle.Evaluate(queries[i]);
                    if (!expected.Equals(answers[i]))
                        Assert.Fail($"seed {seed}, query {i} from {source}: {queries[i]}\nexpected {Describe(expected)}\nactual   {Describe(answers[i])}");
                }
            }
        }
    }

    public static string Describe(QueryResult r) => r switch
    {
        TotalResult t => t.Value.ToString(),
        TopResult t => string.Join(" | ", t.Entries.Select(e => $"{e.Key}/{e.SecondKey}/{e.Name}={e.Value}"
            + (e.ByType is null ? "" : "{" + string.Join(",", e.ByType.OrderBy(x => x.Key).Select(x => $"{x.Key}:{x.Value}")) + "}"))),
        HistogramResult h => string.Join(" ", h.Buckets.Select(b => $"{b.Start:yyyy-MM-ddTHH:mmzzz}={b.Value}")),
        _ => r.ToString()!,
    };
}
