namespace GraphReports.GraphQL.Execution.Batching;

/// <summary>
/// Decides when the loaders of one request fetch. The executor marks each stretch of synchronous work
/// (starting the sibling resolvers of a level, completing values after an await) with
/// <see cref="Enter"/>/<see cref="Exit"/>; when the last open stretch ends, every resolver that could ask
/// for keys has asked, so the pending batches are dispatched then, one fetch per loader.
/// A key asked for outside any stretch (a resolver resuming from its own I/O) schedules a dispatch
/// on the thread pool, so no request can wait for a batch that never goes.
/// </summary>
public sealed class BatchScheduler
{
    private readonly object _gate = new();
    private readonly List<IBatchDispatch> _pending = [];
    private int _open;
    private bool _dispatchQueued;

    internal BatchScheduler(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    internal CancellationToken CancellationToken { get; }

    /// <summary>Number of batches dispatched so far in this request (for diagnostics and tests).</summary>
    public int DispatchCount { get; private set; }

    internal void Enter()
    {
        lock (_gate)
        {
            _open++;
        }
    }

    internal void Exit()
    {
        lock (_gate)
        {
            _open--;
            if (_open > 0 || _pending.Count == 0)
            {
                return;
            }
        }

        DispatchPending();
    }

    internal void Pending(IBatchDispatch loader)
    {
        bool queueDispatch;
        lock (_gate)
        {
            if (!_pending.Contains(loader))
            {
                _pending.Add(loader);
            }

            queueDispatch = _open == 0 && !_dispatchQueued;
            if (queueDispatch)
            {
                _dispatchQueued = true;
            }
        }

        if (queueDispatch)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static scheduler =>
                {
                    scheduler.Enter();
                    lock (scheduler._gate)
                    {
                        scheduler._dispatchQueued = false;
                    }

                    scheduler.Exit();
                },
                this,
                preferLocal: false);
        }
    }

    private void DispatchPending()
    {
        IBatchDispatch[] loaders;
        lock (_gate)
        {
            loaders = [.. _pending];
            _pending.Clear();
            DispatchCount += loaders.Length;
        }

        foreach (var loader in loaders)
        {
            _ = loader.DispatchAsync(this);
        }
    }
}

/// <summary>A loader with keys waiting to be fetched.</summary>
internal interface IBatchDispatch
{
    Task DispatchAsync(BatchScheduler scheduler);
}
