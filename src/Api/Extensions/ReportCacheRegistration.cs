using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Diagnostics;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Storage;
using GraphReports.Api.Reports.Caching;
using GraphReports.GraphQL.Execution;
using GraphReports.Redis;
using GraphReports.Redis.Caching;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Caching;
using Microsoft.Extensions.Options;

namespace GraphReports.Api.Extensions;

/// <summary>
/// Puts the answer cache in front of whatever report store is registered (docs/redis.md): in process
/// only by default, with Redis as the shared tier when <c>GraphReports:Redis:Configuration</c> is set.
/// The months' generations come from the SQLite store file (exact across processes) when it is the
/// store, and from Redis when it is configured (bumped by the Indexer's writer). With Elasticsearch and
/// no Redis nothing is cached.
/// </summary>
public static class ReportCacheRegistration
{
    /// <summary>Call after the report store is registered (<c>AddReports</c>): it wraps that registration.</summary>
    public static IServiceCollection AddReportCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ClosedMonthCacheOptions>(configuration.GetSection(ClosedMonthCacheOptions.SectionName));
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.SectionName));
        var redisOptions = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (redisOptions.IsConfigured)
            services.AddSingleton(sp => RedisConnection.Connect(redisOptions, sp.GetRequiredService<ILogger<RedisConnection>>()));

        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IReportStore))
            ?? throw new InvalidOperationException("AddReportCache wraps the registered IReportStore: call it after AddReports.");
        // The SQLite store keeps its own generations; another store needs Redis's, or nothing could tell this
        // process that another one stored a late event: then nothing is cached (never stale comes first).
        var storeGenerations = StoreSelection.Parse(configuration[StoreSelection.Key]) == StoreKind.Sqlite;
        if (!storeGenerations && !redisOptions.IsConfigured) return services;
        services.Remove(registered);
        services.AddSingleton<IMonthGenerations>(sp =>
        {
            var redis = sp.GetService<RedisConnection>();
            var sources = new List<IMonthGenerations>();
            if (storeGenerations) sources.Add(new SqliteMonthGenerations(sp.GetRequiredService<SqliteEventStore>().Options));
            if (redis is not null) sources.Add(new RedisMonthGenerations(redis));
            return sources.Count == 1 ? sources[0] : new CombinedGenerations([.. sources]);
        });
        services.AddSingleton<IReportStore>(sp =>
        {
            var store = new MeasuredReportStore(Resolve(registered, sp));
            var redis = sp.GetService<RedisConnection>();
            return new ClosedMonthCache(store, sp.GetRequiredService<IMonthGenerations>(), redis is null ? null : new RedisAnswerTier(redis),
                sp.GetRequiredService<IOptions<ClosedMonthCacheOptions>>().Value, sp.GetRequiredService<TimeProvider>(),
                redis?.KeyPrefix ?? redisOptions.KeyPrefix);
        });
        // Whole responses, checked against the same generations (MapReportsApi puts it in front of /graphql).
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClosedMonthCacheOptions>>().Value;
            return new ClosedMonthResponseCache(sp.GetRequiredService<IRequestExecutor>(), sp.GetRequiredService<IMonthGenerations>(),
                sp.GetRequiredService<TimeProvider>(), options.Enabled ? options.ResponseMegabytes : 0, TimeSpan.FromSeconds(options.ResponseLagSeconds));
        });
        return services;
    }

    private static IReportStore Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IReportStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
