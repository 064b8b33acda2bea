namespace GraphReports.GraphQL.Execution.Batching;

/// <summary>The loaders of one request, by name.</summary>
internal sealed class LoaderRegistry
{
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public LoaderRegistry(BatchScheduler scheduler) => Scheduler = scheduler;

    public BatchScheduler Scheduler { get; }

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(string name, BatchFetch<TKey, TValue> fetch)
        where TKey : notnull
    {
        lock (_loaders)
        {
            if (!_loaders.TryGetValue(name, out var loader))
            {
                loader = new BatchLoader<TKey, TValue>(fetch, Scheduler);
                _loaders.Add(name, loader);
            }

            return loader as BatchLoader<TKey, TValue>
                ?? throw new InvalidOperationException($"The loader \"{name}\" is already used with other key or value types.");
        }
    }
}
