using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Writing;

/// <summary>What waits in the writer's queue: a batch of events (<see cref="WriteRequest"/>) or a <see cref="WriterJob"/>.</summary>
internal interface IQueuedWork
{
    CancellationToken CancellationToken { get; }

    void Fail(Exception error);

    void Cancel();
}

/// <summary>
/// Work that must run alone on the writer connection in a transaction of its own, between two group
/// commits: nothing is inserted while it runs, so what it reads and writes is consistent with the events
/// (the report rollup builder uses it to replace a month's rollups).
/// </summary>
internal abstract class WriterJob : IQueuedWork
{
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Runs the work; the writer commits afterwards, or rolls back if it throws.</summary>
    public abstract void Run(SqliteConnection connection, SqliteTransaction transaction);

    public abstract void Succeed();

    public abstract void Fail(Exception error);

    public abstract void Cancel();
}

/// <summary>A <see cref="WriterJob"/> with a result its caller awaits.</summary>
internal sealed class WriterJob<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken) : WriterJob
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public override CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<T> Task => _completion.Task;

    public override void Run(SqliteConnection connection, SqliteTransaction transaction) => _result = work(connection, transaction);

    public override void Succeed() => _completion.TrySetResult(_result!);

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
