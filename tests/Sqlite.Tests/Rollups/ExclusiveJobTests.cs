using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;
using static GraphReports.Sqlite.Tests.Rollups.RollupTables;

namespace GraphReports.Sqlite.Tests.Rollups;

/// <summary><see cref="SqliteEventStore.RunExclusiveAsync{T}"/>: a job alone on the writer, between batches, in a transaction of its own.</summary>
public class ExclusiveJobTests : IDisposable
{
    private readonly TempStore _files = new();

    public void Dispose() => _files.Dispose();

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task A_job_returns_its_result_and_sees_the_batches_queued_before_it()
    {
        var store = _files.Open();
        // Not awaited: the job is queued behind these batches, so it runs after they commit.
        var first = store.WriteAsync("acme", [TempStore.Search("e1"), TempStore.Search("e2")]);
        var second = store.WriteAsync("acme", [TempStore.Search("e3")]);

        var counted = await store.RunExclusiveAsync((c, tx) => Count(c, tx, "SELECT count(*) FROM event"));

        Assert.Equal(3, counted);
        // Both batches were committed before the job ran (it counted them); their tasks may finish a moment
        // after the job's, since the writer completes them once it has moved on: they must succeed.
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task A_job_that_throws_rolls_back_what_it_wrote_and_the_store_keeps_accepting_events()
    {
        var store = OpenReporting(_files, Utc);
        await store.WriteAsync("acme", [Search("e1", Utc2026(10, 1))]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.RunExclusiveAsync<int>((c, tx) =>
        {
            using var command = c.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "UPDATE report_rollup_month SET current = 1, zone = 'Mars/Olympus'; DELETE FROM report_names;";
            command.ExecuteNonQuery();
            Assert.Equal(1, Count(c, tx, "SELECT count(*) FROM report_rollup_month WHERE zone = 'Mars/Olympus'")); // written, inside the job
            throw new InvalidOperationException("job failed on purpose");
        }));

        Assert.Equal("job failed on purpose", error.Message);
        Assert.Equal(("UTC", false), Months(store)[("acme", 202610)]);
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Duplicate], await store.WriteAsync("acme", [Search("e2", Utc2026(10, 2)), Search("e1", Utc2026(10, 1))]));
        Assert.Equal(2, store.Reader.CountEvents("acme"));
        Assert.Equal(7L, await store.RunExclusiveAsync((_, _) => 7L));
    }

    [Fact]
    public async Task A_job_whose_sql_fails_fails_alone()
    {
        var store = _files.Open();
        var error = await Assert.ThrowsAsync<SqliteException>(() => store.RunExclusiveAsync((c, tx) => Count(c, tx, "SELECT count(*) FROM no_such_table")));

        Assert.Contains("no_such_table", error.Message);
        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("acme", [TempStore.Search("e1")]));
    }

    [Fact]
    public async Task A_job_cancelled_before_it_runs_is_cancelled_and_changes_nothing()
    {
        var store = _files.Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.RunExclusiveAsync((_, _) => ran = true, cancelled.Token));

        Assert.False(ran);
        Assert.Equal([WriteOutcome.Inserted], await store.WriteAsync("acme", [TempStore.Search("e1")]));
    }

    [Fact]
    public async Task A_closed_store_refuses_jobs()
    {
        var store = _files.Open();
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.RunExclusiveAsync((_, _) => 1));
    }
}
