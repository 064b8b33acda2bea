using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// One caller's batch waiting for the writer, and the two moments its caller can await: <see cref="Written"/>
/// (its rows are in the open transaction) and <see cref="Task"/> (that transaction committed, with the outcomes).
/// </summary>
internal sealed class WriteRequest(string environmentId, IReadOnlyList<ActivityEvent> events, bool durable, CancellationToken cancellationToken) : IQueuedWork
{
    // Both never run callers' code on the writer thread.
    private readonly TaskCompletionSource<IReadOnlyList<WriteOutcome>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string EnvironmentId { get; } = environmentId;

    /// <summary>The events; null once a bulk batch is written (see <see cref="ReleaseEvents"/>).</summary>
    public IReadOnlyList<ActivityEvent>? Events { get; private set; } = events;

    /// <summary>How many events the batch holds.</summary>
    public int Count => Outcomes.Length;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// Whether the commit holding it must reach the disk before the caller hears (<c>synchronous = FULL</c>
    /// under <see cref="CommitDurability.Full"/>). False for the batches of a bulk import but its last: that
    /// one's commit syncs the log, and with it every batch before it.
    /// </summary>
    public bool Durable { get; } = durable;

    /// <summary>Filled by the writer inside a transaction; handed to the caller only after the commit.</summary>
    public WriteOutcome[] Outcomes { get; } = new WriteOutcome[events.Count];

    /// <summary>Completes with the outcomes once the transaction holding the batch has committed.</summary>
    public Task<IReadOnlyList<WriteOutcome>> Task => _completion.Task;

    /// <summary>
    /// Completes once the batch's rows are in the writer's open transaction (or the batch has failed):
    /// a bulk import waits on this, not on the commit, to keep the writer fed while transactions stay large.
    /// </summary>
    public Task Written => _written.Task;

    public void MarkWritten() => _written.TrySetResult();

    /// <summary>
    /// Lets the events go once written, so that a bulk import's batches do not stay in memory until their
    /// (large) transaction commits. Such a batch cannot be retried alone: it fails with its transaction.
    /// </summary>
    public void ReleaseEvents() => Events = null;

    public void Succeed()
    {
        MarkWritten();
        _completion.TrySetResult(Outcomes);
    }

    public void Fail(Exception error)
    {
        MarkWritten();
        _completion.TrySetException(error);
    }

    public void Cancel()
    {
        MarkWritten();
        _completion.TrySetCanceled(CancellationToken);
    }
}
