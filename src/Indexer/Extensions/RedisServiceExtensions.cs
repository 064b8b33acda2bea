using GraphReports.Analytics.Diagnostics;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Storage;
using GraphReports.Redis;
using GraphReports.Redis.Caching;
using GraphReports.Redis.Queue;
using Microsoft.Extensions.Options;

namespace GraphReports.Indexer.Extensions;

/// <summary>
/// The Indexer's Redis wiring (docs/redis.md). Whatever the store, its writer is measured for
/// <c>/metrics</c> and, when Redis is configured, followed by the generation bump of the answer cache.
/// With <c>GraphReports:Queue = Redis</c> the collector appends to the Redis stream instead, and the
/// store writer is what <see cref="QueueWriter"/> (the <c>worker</c> command, or a hosted service next to
/// the collector) writes the stream into.
/// </summary>
public static class RedisServiceExtensions
{
    /// <summary>The setting that chooses the collector's path: <c>Store</c> (default: straight into the store) or <c>Redis</c> (the stream).</summary>
    public const string QueueSetting = "GraphReports:Queue";

    /// <summary>Call after the store's <see cref="IEventWriter"/> is registered: it wraps that registration.</summary>
    public static IServiceCollection AddIndexerRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var redisOptions = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        var queueOptions = configuration.GetSection(RedisQueueOptions.SectionName).Get<RedisQueueOptions>() ?? new RedisQueueOptions();
        var queue = configuration[QueueSetting] ?? "Store";
        var useQueue = queue.Equals("Redis", StringComparison.OrdinalIgnoreCase);
        if (!useQueue && !queue.Equals("Store", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{QueueSetting} is '{queue}': use Store (events go straight into the store) or Redis (through the Redis stream).");
        if (useQueue && !redisOptions.IsConfigured)
            throw new ArgumentException($"{QueueSetting} = Redis needs {RedisOptions.SectionName}:Configuration (Redis's address, e.g. 127.0.0.1:6379).");
        if (useQueue) queueOptions.Validate();
        services.AddSingleton(queueOptions);
        if (redisOptions.IsConfigured)
            services.AddSingleton(sp => RedisConnection.Connect(redisOptions, sp.GetRequiredService<ILogger<RedisConnection>>()));

        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IEventWriter))
            ?? throw new InvalidOperationException("AddIndexerRedis wraps the store's IEventWriter: register it first.");
        services.Remove(registered);
        services.AddSingleton(sp =>
        {
            IEventWriter writer = new MeasuredEventWriter(Resolve(registered, sp));
            if (sp.GetService<RedisConnection>() is { } redis)
                writer = new GenerationBumpingWriter(writer, new RedisMonthGenerations(redis),
                    sp.GetRequiredService<CredentialDirectory>().TimeZoneOf, sp.GetService<TimeProvider>() ?? TimeProvider.System);
            return new StoreWriter(writer);
        });
        services.AddSingleton<IEventWriter>(sp => useQueue
            ? new RedisEventQueue(sp.GetRequiredService<RedisConnection>(), queueOptions)
            : sp.GetRequiredService<StoreWriter>().Writer);
        if (useQueue)
        {
            services.AddSingleton(sp => new QueueWriter(sp.GetRequiredService<RedisConnection>(), queueOptions,
                sp.GetRequiredService<StoreWriter>().Writer, sp.GetRequiredService<ILogger<QueueWriter>>()));
            services.AddSingleton(sp => new QueueMetrics(sp.GetRequiredService<RedisConnection>(), queueOptions));
        }
        return services;
    }

    /// <summary>Whether the collector host also runs a queue writer (<c>GraphReports:Redis:Queue:WriterInCollector</c>, default true).</summary>
    public static bool RunsWriterInCollector(IConfiguration configuration) =>
        string.Equals(configuration[QueueSetting], "Redis", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(configuration[RedisQueueOptions.SectionName + ":WriterInCollector"], "false", StringComparison.OrdinalIgnoreCase);

    private static IEventWriter Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IEventWriter)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

/// <summary>The configured store's writer, as the queue writer (and, without the queue, the collector) uses it.</summary>
public sealed record StoreWriter(IEventWriter Writer);
