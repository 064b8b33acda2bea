using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using GraphReports.Reports.Contract;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>
/// The whole dashboard of the open month read over and over while the writer adds events to the current
/// rollups: new events of the open month, late events of closed months and duplicates of stored events
/// (with other content), in small batches. Every answer must be the dashboard of the store after some
/// whole number of batches (one snapshot per request, never half a transaction), never going back, and
/// the last one the dashboard of everything written; each is checked against the in-memory evaluation.
/// </summary>
public sealed class OpenMonthWhileWritingTests
{
    private static readonly ProductEnvironment Env = new("env-utc", "UTC", TimeZoneInfo.Utc);

    [Fact]
    public async Task Every_dashboard_read_during_writes_equals_the_dashboard_after_some_batch_and_they_never_go_back()
    {
        var random = new RandomActivity(77);
        var events = random.Events(1500).Where(x => x.Env == Env.Id).Select(x => x.Event).ToList();
        var (initial, later) = (events.Take(250).ToList(), events.Skip(250).ToList());
        // The open month: March 2026 (the generator's last month), "now" being the 20th.
        var context = new ReportContext(Env, new Month(2026, 3), new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        var queries = DashboardFigures.Report(context).Queries.DistinctBy(q => q.CacheKey).ToArray();
        var batches = later.Chunk(12)
            .Select((batch, i) => batch.Concat(initial.Skip(i * 2).Take(2).Select(e => e with { User = "someone-else" })).ToArray()) // + 2 duplicates
            .ToArray();

        using var db = new ReportDatabase(_ => TimeZoneInfo.Utc);
        var oracle = new InMemoryOracle();
        db.Write(Env.Id, initial);
        oracle.Write(Env.Id, initial);
        db.BuildRollups();
        // The dashboard after 0, 1, 2 ... batches, as the in-memory evaluation gives it.
        var expected = new List<string> { Answers(queries.Select(oracle.Evaluate)) };
        foreach (var batch in batches)
        {
            oracle.Write(Env.Id, batch);
            expected.Add(Answers(queries.Select(oracle.Evaluate)));
        }
        Assert.Equal(expected.Count, expected.Distinct().Count()); // each batch changes the dashboard: a read names one state

        var reads = new List<string>();
        using var writing = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested) reads.Add(Answers(await db.Store.ExecuteAsync(queries)));
        });
        foreach (var batch in batches) db.Write(Env.Id, batch);
        writing.Cancel();
        await reader;
        reads.Add(Answers(await db.Store.ExecuteAsync(queries)));

        var states = reads.Select(r => expected.IndexOf(r)).ToArray();
        for (var i = 0; i < states.Length; i++)
            Assert.True(states[i] >= 0, $"read {i} of {states.Length} is no state of the store after a whole number of batches");
        Assert.Equal(states.Order(), states); // never back to an older state
        Assert.Equal(batches.Length, states[^1]);
        Assert.True(reads.Count > 2, "the reader should have read while the writer wrote");
        Assert.DoesNotContain((Env.Id, 202603), db.StaleMonths()); // the open month stayed current: read from its rollups
    }

    private static string Answers(IEnumerable<QueryResult> results) =>
        string.Join("\n", results.Select(RandomSlicesContract.Describe));
}
