using GraphReports.Api.Apis;
using GraphReports.Api.Demo;
using GraphReports.Api.Extensions;
using GraphReports.Api.Reports;
using GraphReports.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Prometheus;

namespace GraphReports.Api;

/// <summary>The Api web host: what <c>dotnet run --project src/Api</c> runs, and what tests start on 127.0.0.1:0.</summary>
public static class ApiHost
{
    /// <summary>Builds the host; <paramref name="args"/> are configuration arguments (<c>--urls</c>, <c>--GraphReports:...=...</c>).</summary>
    /// <param name="args">Configuration arguments.</param>
    /// <param name="clock">The clock of validation, demo data, rollups and reports (default: the system clock); tests choose their "now" with it.</param>
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(ApiServiceExtensions.HostOptions(args));
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.AddApiServices();
        builder.Services.AddReports(builder.Configuration);
        builder.AddServiceDefaults();
        builder.Services.AddStoreReadiness(sp =>
        {
            var store = sp.GetRequiredService<GraphReports.Sqlite.SqliteEventStore>();
            return new StoreHealthCheck(store.Health, store.ProbeWriteAsync);
        });
        builder.Services.AddReportCache(builder.Configuration);
        GraphReports.Redis.Metrics.PrometheusMetrics.EnsureStarted();
        var app = builder.Build();
        app.UseServiceDefaults();
        // Built now, so that a configuration mistake (bad digest, unknown time zone) stops the start with its message.
        app.Services.GetRequiredService<GraphReports.Analytics.Environments.CredentialDirectory>();
        app.MapReportsPage();
        app.MapStatusApi();
        app.MapReportsApi();
        app.MapMetrics(); // prometheus-net: /metrics in Prometheus text (docs/redis.md lists the figures)
        return app;
    }

    /// <summary>
    /// Loads the demo dataset when the store is empty (unless switched off), starts listening and
    /// prints where to go. Returns the addresses listened on.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        // The demo dataset goes into the embedded store; a cluster is loaded with the Indexer (README, "Scale out").
        if (GraphReports.Analytics.Storage.StoreSelection.Parse(app.Configuration[GraphReports.Analytics.Storage.StoreSelection.Key]) == GraphReports.Analytics.Storage.StoreKind.Sqlite)
            await app.Services.GetRequiredService<DemoDataLoader>().LoadIfEmptyAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.ToArray();
        app.Services.GetRequiredService<WelcomePrinter>().Print(addresses);
        return addresses;
    }

    /// <summary><see cref="StartAsync"/>, then serves until the process is asked to stop.</summary>
    public static async Task RunAsync(WebApplication app)
    {
        await StartAsync(app);
        await app.WaitForShutdownAsync();
    }
}
