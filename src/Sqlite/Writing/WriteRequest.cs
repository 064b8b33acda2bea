using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;

namespace GraphReports.Sqlite.Writing;

/// <summary>One caller's batch waiting for the writer, and the promise its caller awaits.</summary>
internal sealed class WriteRequest(string environmentId, IReadOnlyList<ActivityEvent> events, bool durable, CancellationToken cancellationToken) : IQueuedWork
{
    private readonly TaskCompletionSource<IReadOnlyList<WriteOutcome>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously); // never run callers' code on the writer thread

    public string EnvironmentId { get; } = environmentId;

    public IReadOnlyList<ActivityEvent> Events { get; } = events;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// Whether the commit holding it must reach the disk before the caller hears (<c>synchronous = FULL</c>
    /// under <see cref="CommitDurability.Full"/>). False for the batches of a bulk import but its last: that
    /// one's commit syncs the log, and with it every batch before it.
    /// </summary>
    public bool Durable { get; } = durable;

    /// <summary>Filled by the writer inside a transaction; handed to the caller only after the commit.</summary>
    public WriteOutcome[] Outcomes { get; } = new WriteOutcome[events.Count];

    public Task<IReadOnlyList<WriteOutcome>> Task => _completion.Task;

    public void Succeed() => _completion.TrySetResult(Outcomes);

    public void Fail(Exception error) => _completion.TrySetException(error);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
