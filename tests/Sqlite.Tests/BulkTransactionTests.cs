using GraphReports.Analytics.Events;

namespace GraphReports.Sqlite.Tests;

/// <summary>
/// The bulk path's transactions: consecutive import batches share one transaction up to
/// <see cref="SqliteStoreOptions.MaxEventsPerCommit"/>, and a failed one fails the import, which a rerun completes.
/// </summary>
public class BulkTransactionTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<ActivityEvent> Events(int count) =>
        Enumerable.Range(0, count).Select(i => TempStore.Search($"e-{i}", user: $"u-{i % 3}", minute: i)).ToList();

    private SqliteEventStore Open(CountingObserver observer, int maxEventsPerCommit) =>
        SqliteEventStore.Open(_temp.Options with { MaxEventsPerCommit = maxEventsPerCommit }, [observer]);

    private static long StoredAmong(SqliteEventStore store, params string[] ids)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM event WHERE event_id IN ({string.Join(", ", ids.Select(id => $"'{id}'"))})";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Batches_queued_behind_each_other_commit_together_up_to_the_cap()
    {
        var observer = new CountingObserver { HoldOn = "e-0" };
        using var store = Open(observer, maxEventsPerCommit: 6);

        // ImportAsync returns its task once it waits for the first batch to be written: by then batches
        // 1 to 4 (of 2 events) are queued, and the writer is held inside batch 1.
        var import = store.ImportAsync("acme", Events(12), batchSize: 2);
        Assert.True(observer.Holding.Wait(TimeSpan.FromSeconds(30)));
        observer.Release.Set();
        var totals = await import;

        Assert.Equal(new ImportTotals(12, 0), totals);
        Assert.Equal(12, store.Reader.CountEvents("acme"));
        Assert.Equal(6, observer.EventsPerCommit[0]); // batches 1-3 in one transaction; batch 4 would pass the cap
        Assert.Equal(12, observer.EventsPerCommit.Sum());
        Assert.All(observer.EventsPerCommit, n => Assert.InRange(n, 1, 6));
    }

    [Fact]
    public async Task A_failed_transaction_fails_the_import_and_a_rerun_completes_it()
    {
        var failing = new CountingObserver { HoldOn = "e-0", FailOn = "e-5" };
        using (var store = Open(failing, maxEventsPerCommit: 6))
        {
            var import = store.ImportAsync("acme", Events(12), batchSize: 2);
            Assert.True(failing.Holding.Wait(TimeSpan.FromSeconds(30)));
            failing.Release.Set();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => import);
            Assert.Equal("observer refuses e-5", error.Message);
            // Batches 1 and 2 shared the failed transaction with batch 3: their events were let go once
            // written, so they fail with it instead of being retried alone.
            Assert.Equal(0, StoredAmong(store, "e-0", "e-1", "e-2", "e-3", "e-4", "e-5"));
        }

        var observer = new CountingObserver();
        using var rerun = Open(observer, maxEventsPerCommit: 6);
        var totals = await rerun.ImportAsync("acme", Events(12), batchSize: 2);
        Assert.Equal(12, rerun.Reader.CountEvents("acme"));
        Assert.Equal(12, totals.Total);
        Assert.Equal(12 - totals.Duplicates, totals.Inserted);
    }
}
