using System.Text;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Storage;

namespace GraphReports.Sqlite.Tests;

/// <summary>
/// If the writer fails on a batch anyway (no known input makes it), intake stores the batch's other
/// events and rejects only the one the store refuses, with an error id that reaches the log callback.
/// </summary>
public class IngestRetryTests
{
    /// <summary>The real store, made to refuse one event id as an unknown defect of the writer would.</summary>
    private sealed class RefusingWriter(IEventWriter inner, string refusedId) : IEventWriter
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (events.Any(e => e.Id == refusedId)) throw new InvalidOperationException("simulated writer defect");
            return inner.WriteAsync(environmentId, events, cancellationToken);
        }
    }

    private static readonly string Yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("O"); // relative to the clock the reader uses

    private static Stream Body(IEnumerable<string> ids) => new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(ids.Select(id =>
        $$$"""{"id":"{{{id}}}","type":"search","timestamp":"{{{Yesterday}}}","user":"u","session":"s","search":{"kind":"text","text":"t"}}""" + "\n"))));

    [Fact]
    public async Task The_events_of_a_batch_the_writer_fails_on_are_stored_but_the_one_it_refuses()
    {
        using var temp = new TempStore();
        var store = temp.Open();
        var writer = new RefusingWriter(store, "e-37");
        var logged = new List<(Exception Error, string Id)>();
        var pipeline = new IngestPipeline(new EventJsonReader(TimeProvider.System), writer, (e, id) => logged.Add((e, id)));

        var result = await pipeline.IngestAsync("env", Body(Enumerable.Range(0, 100).Select(i => $"e-{i}")), EventBodyFormat.Ndjson, gzip: false, new IntakeLimits());

        Assert.Equal(99, result.Accepted);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(37, rejected.Index);
        Assert.Equal(38, rejected.Line);
        var (error, errorId) = Assert.Single(logged);
        Assert.Equal("simulated writer defect", error.Message);
        Assert.Contains($"error id {errorId}", rejected.Error);
        Assert.Equal(99, store.Reader.CountEvents("env"));
        Assert.InRange(writer.Calls, 2, 20); // halving: about 2 log2(100) writes, not one per event
    }

    [Fact]
    public async Task A_store_failure_is_not_blamed_on_an_event()
    {
        using var temp = new TempStore();
        var store = temp.Open();
        await store.RunExclusiveAsync((c, t) => { using var q = c.CreateCommand(); q.Transaction = t; q.CommandText = "PRAGMA query_only = 1"; return q.ExecuteNonQuery(); });
        var pipeline = new IngestPipeline(new EventJsonReader(TimeProvider.System), store);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            pipeline.IngestAsync("env", Body(["a", "b"]), EventBodyFormat.Ndjson, gzip: false, new IntakeLimits()));
        Assert.Equal("read_only", failure.Code);
    }
}
