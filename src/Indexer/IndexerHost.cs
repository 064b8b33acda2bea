using GraphReports.Indexer.Apis;
using GraphReports.Hosting;
using GraphReports.Indexer.Extensions;
using Prometheus;

namespace GraphReports.Indexer;

/// <summary>The collector web host: what <c>serve</c> runs, and what tests start on 127.0.0.1:0.</summary>
public static class IndexerHost
{
    /// <summary>Builds the host; <paramref name="args"/> are configuration arguments (<c>--urls</c>, <c>--GraphReports:Storage:Path=...</c>).</summary>
    /// <param name="args">Configuration arguments.</param>
    /// <param name="clock">The clock events are validated against (default: the system clock); tests choose their "now" with it.</param>
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(IndexerServiceExtensions.HostOptions(args));
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.AddIndexerServices();
        builder.AddServiceDefaults();
        builder.Services.AddStoreReadiness(sp =>
        {
            var store = sp.GetRequiredService<GraphReports.Sqlite.SqliteEventStore>();
            return new StoreHealthCheck(store.Health, store.ProbeWriteAsync);
        });
        if (RedisServiceExtensions.RunsWriterInCollector(builder.Configuration)) builder.Services.AddHostedService<QueueWriterService>();
        GraphReports.Redis.Metrics.PrometheusMetrics.EnsureStarted();
        var app = builder.Build();
        app.UseServiceDefaults();
        // Built now, so that a configuration mistake (bad digest, unknown time zone) stops the start with its message.
        app.Services.GetRequiredService<GraphReports.Analytics.Environments.CredentialDirectory>();
        app.MapCollectorApi();
        app.MapTrackerApi();
        app.MapMetrics(); // prometheus-net: /metrics in Prometheus text (docs/redis.md lists the figures)
        return app;
    }
}
