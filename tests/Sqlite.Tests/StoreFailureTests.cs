using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Tests;

/// <summary>
/// The writer never throws for an event the reader accepts, and when the store itself fails (full,
/// read-only, locked) it says which, stores nothing of the batch, and reports it in its health.
/// </summary>
public class StoreFailureTests
{
    private static ActivityEvent At(string id, DateTimeOffset timestamp) => TempStore.Search(id) with { Timestamp = timestamp };

    [Theory]
    [InlineData("Pacific/Kiritimati")] // UTC+14
    [InlineData("Etc/GMT+12")]         // UTC-12
    [InlineData("UTC")]
    public async Task Events_at_both_ends_of_the_accepted_range_are_stored_with_their_rollups(string zone)
    {
        using var temp = new TempStore();
        using var store = ReportingStore.Open(temp.Options, _ => TimeZoneInfo.FindSystemTimeZoneById(zone));
        var earliest = EventJsonReader.EarliestTimestamp;
        var last = EventJsonReader.EndOfTimestamps.AddTicks(-1);
        var outcomes = await store.WriteAsync("env", [At("first", earliest), At("last", last.ToOffset(TimeSpan.FromHours(-12)))]);
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Inserted], outcomes);
        Assert.Equal(2, store.Reader.CountEvents("env"));
    }

    private static Task Exec(SqliteEventStore store, string sql) =>
        store.RunExclusiveAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command.ExecuteNonQuery();
        });

    [Fact]
    public async Task A_full_store_fails_the_batch_as_disk_full_and_stores_none_of_it()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        await store.WriteAsync("env", [TempStore.Search("before")]);
        // SQLite's own size cap stands in for a full disk: both fail the write with SQLITE_FULL.
        var pages = await store.RunExclusiveAsync((c, t) => { using var q = c.CreateCommand(); q.Transaction = t; q.CommandText = "PRAGMA page_count"; return (long)q.ExecuteScalar()!; });
        await Exec(store, $"PRAGMA max_page_count = {pages}");
        var big = Enumerable.Range(0, 2000).Select(i => TempStore.Search($"e{i}", user: $"user-{i}-" + new string('x', 200), text: $"text {i} " + new string('y', 300))).ToList();

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.WriteAsync("env", big));
        Assert.Equal(StoreFailureCause.DiskFull, failure.Cause);
        Assert.Contains("full", failure.Message);
        Assert.Equal(StoreFailureCause.DiskFull, store.Health.CurrentFailure?.Failure.Cause);
        Assert.Equal(1, store.Reader.CountEvents("env"));

        await Exec(store, "PRAGMA max_page_count = 1073741823");
        var outcomes = await store.WriteAsync("env", big);
        Assert.All(outcomes, o => Assert.Equal(WriteOutcome.Inserted, o));
        Assert.Null(store.Health.CurrentFailure);
        Assert.Equal(2001, store.Reader.CountEvents("env"));
    }

    [Fact]
    public async Task A_store_that_cannot_be_written_fails_as_read_only()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        await Exec(store, "PRAGMA query_only = 1"); // the writer's connection refuses writes, as a read-only file does
        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.WriteAsync("env", [TempStore.Search("e1")]));
        Assert.Equal(StoreFailureCause.ReadOnly, failure.Cause);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ProbeWriteAsync());
    }

    [Fact]
    public async Task A_store_locked_by_another_process_fails_as_locked()
    {
        using var temp = new TempStore();
        using var store = ReportingStore.Open(temp.Options with { BusyTimeout = TimeSpan.FromMilliseconds(200) }, _ => TimeZoneInfo.Utc);
        await store.WriteAsync("env", [TempStore.Search("e0")]);
        using var other = new SqliteConnection($"Data Source={temp.Path};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand()) { begin.CommandText = "BEGIN EXCLUSIVE"; begin.ExecuteNonQuery(); }

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.WriteAsync("env", [TempStore.Search("e1")]));
        Assert.Equal(StoreFailureCause.Locked, failure.Cause);

        using (var rollback = other.CreateCommand()) { rollback.CommandText = "ROLLBACK"; rollback.ExecuteNonQuery(); }
        await store.ProbeWriteAsync();
        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("env", [TempStore.Search("e1")]));
    }
}
