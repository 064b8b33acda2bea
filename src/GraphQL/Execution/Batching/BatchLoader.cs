namespace GraphReports.GraphQL.Execution.Batching;

/// <summary>
/// Fetches the values of many keys in one backend call. Keys missing from the returned dictionary load as
/// <c>default</c>. Receives the request's cancellation token.
/// </summary>
public delegate Task<IReadOnlyDictionary<TKey, TValue>> BatchFetch<TKey, TValue>(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    where TKey : notnull;

/// <summary>
/// A per-request DataLoader: <see cref="LoadAsync"/> queues a key and returns a task completed when the
/// batch it joined is fetched; a key asked for twice in one request is fetched once.
/// </summary>
public sealed class BatchLoader<TKey, TValue> : IBatchDispatch
    where TKey : notnull
{
    private readonly BatchFetch<TKey, TValue> _fetch;
    private readonly BatchScheduler _scheduler;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _loaded = [];
    private List<(TKey Key, TaskCompletionSource<TValue?> Completion)> _queue = [];

    internal BatchLoader(BatchFetch<TKey, TValue> fetch, BatchScheduler scheduler)
    {
        _fetch = fetch;
        _scheduler = scheduler;
    }

    /// <summary>Number of fetch calls made so far.</summary>
    public int FetchCount { get; private set; }

    /// <summary>Queues <paramref name="key"/> (unless already loaded or queued) and returns its value once fetched.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?> completion;
        lock (_gate)
        {
            if (_loaded.TryGetValue(key, out var existing))
            {
                return existing.Task;
            }

            // Continuations run inline when the batch completes, inside the scheduler's stretch, so the
            // resolvers they resume ask for their next keys before the next dispatch.
            completion = new TaskCompletionSource<TValue?>(TaskCreationOptions.None);
            _loaded.Add(key, completion);
            _queue.Add((key, completion));
        }

        _scheduler.Pending(this);
        return completion.Task;
    }

    /// <summary>Loads several keys, in order.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = keys.Select(LoadAsync).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    async Task IBatchDispatch.DispatchAsync(BatchScheduler scheduler)
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Completion)> batch;
        lock (_gate)
        {
            batch = _queue;
            _queue = [];
            FetchCount++;
        }

        if (batch.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<TKey, TValue>? values = null;
        Exception? failure = null;
        try
        {
            scheduler.CancellationToken.ThrowIfCancellationRequested();
            values = await _fetch(batch.Select(b => b.Key).ToList(), scheduler.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        scheduler.Enter();
        try
        {
            foreach (var (key, completion) in batch)
            {
                if (failure is OperationCanceledException)
                {
                    completion.TrySetCanceled(scheduler.CancellationToken);
                }
                else if (failure is not null)
                {
                    completion.TrySetException(failure);
                }
                else
                {
                    completion.TrySetResult(values!.TryGetValue(key, out var value) ? value : default);
                }
            }
        }
        finally
        {
            scheduler.Exit();
        }
    }
}
