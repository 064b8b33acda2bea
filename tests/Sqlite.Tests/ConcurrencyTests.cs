using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Tests;

public class ConcurrencyTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Eight_parallel_writers_lose_no_event_and_count_none_twice()
    {
        // Each writer sends 40 batches of 25 events: ids 0..999 of its own, plus every 5th event
        // re-sends an id of the writer before it, so writers race on the same ids.
        var store = _temp.Open();
        const int writers = 8, batches = 40, perBatch = 25;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<WriteOutcome>();
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable.Range(0, perBatch).Select(i =>
                {
                    var n = b * perBatch + i;
                    var owner = n % 5 == 0 ? (w + writers - 1) % writers : w;
                    return TempStore.Search($"w{owner}-{n}", user: $"u{w}");
                }).ToList();
                mine.AddRange(await store.WriteAsync("acme", batch));
            }
            return mine;
        })));

        var distinctIds = writers * batches * perBatch * 4 / 5 + writers * batches * perBatch / 5; // shared ids count once
        Assert.Equal(8000, distinctIds);
        Assert.Equal(distinctIds, outcomes.Sum(o => o.Count(x => x == WriteOutcome.Inserted)));
        Assert.Equal(writers * batches * perBatch - distinctIds, outcomes.Sum(o => o.Count(x => x == WriteOutcome.Duplicate)));
        Assert.Equal(distinctIds, store.Reader.CountEvents("acme"));
    }

    [Fact]
    public async Task A_second_instance_reads_committed_events_while_the_first_writes()
    {
        var writer = _temp.Open();
        await writer.WriteAsync("acme", [TempStore.Search("first")]);
        var other = _temp.Open(); // a second store instance on the same file, as another process would have

        var writing = Task.Run(async () =>
        {
            for (var b = 0; b < 50; b++)
                await writer.WriteAsync("acme", Enumerable.Range(0, 20).Select(i => TempStore.Search($"b{b}-{i}")).ToList());
        });
        var seen = new List<long>();
        while (!writing.IsCompleted)
        {
            seen.Add(other.Reader.CountEvents("acme"));
            await Task.Delay(5);
        }
        await writing;

        Assert.Equal(1001, other.Reader.CountEvents("acme"));
        Assert.All(seen, count => Assert.True(count >= 1 && count <= 1001 && (count - 1) % 20 == 0, $"saw {count}"));
        Assert.Equal(seen.Order(), seen); // never goes back
    }

    [Fact]
    public async Task An_open_read_transaction_keeps_its_snapshot_and_does_not_block_the_writer()
    {
        var store = _temp.Open();
        await store.WriteAsync("acme", [TempStore.Search("e1"), TempStore.Search("e2")]);

        using var connection = new SqliteStoreReader(_temp.Options).OpenConnection();
        using var snapshot = connection.BeginTransaction(deferred: true); // a read transaction: BEGIN DEFERRED
        long Count()
        {
            using var command = connection.CreateCommand();
            command.Transaction = snapshot;
            command.CommandText = "SELECT count(*) FROM event";
            return (long)command.ExecuteScalar()!;
        }
        Assert.Equal(2, Count());

        var write = store.WriteAsync("acme", [TempStore.Search("e3")]);
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(2, Count());
        Assert.Equal(3, store.Reader.CountEvents("acme"));
    }

    [Fact]
    public async Task A_batch_cancelled_before_the_writer_takes_it_stores_nothing()
    {
        var store = _temp.Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync("acme", [TempStore.Search("e1")], cancelled.Token));
        Assert.Equal(0, store.Reader.CountEvents("acme"));
    }

    [Fact]
    public async Task Writing_after_dispose_is_refused()
    {
        var store = SqliteEventStore.Open(_temp.Options);
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync("acme", [TempStore.Search("e1")]));
        SqliteConnection.ClearAllPools();
    }
}
