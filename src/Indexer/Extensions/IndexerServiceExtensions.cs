using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;
using GraphReports.Analytics.Storage;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using GraphReports.Indexer.Tracking;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphReports.Indexer.Extensions;

/// <summary>Every service registration of the Indexer, for the web host and the commands alike.</summary>
public static class IndexerServiceExtensions
{
    /// <summary>
    /// Host settings shared by <c>serve</c> and the commands: configuration (<c>appsettings.json</c>)
    /// is read from the application's folder, so it is found whatever the current directory is.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] args) => new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    public static IHostApplicationBuilder AddIndexerServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GraphReportsOptions>(builder.Configuration.GetSection(GraphReportsOptions.SectionName));
        services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.SectionName));
        services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.SectionName));
        services.AddSingleton(sp => new CredentialDirectory(sp.GetRequiredService<IOptions<GraphReportsOptions>>().Value));
        // One clock for validation and demo data; a host built with its own clock registered it first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EventJsonReader(sp.GetRequiredService<TimeProvider>()));
        // Opened with the report rollups: every event this host writes must be counted by the reports.
        services.AddSingleton(sp => ReportingStore.Open(
            new SqliteStoreOptions { Path = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolvePath() },
            sp.GetRequiredService<CredentialDirectory>().TimeZoneOf));
        builder.AddEventStore();
        services.AddIndexerRedis(builder.Configuration);
        // Events the store refuses against all expectation are logged under the error id their rejection names.
        services.AddSingleton(sp => new IngestPipeline(sp.GetRequiredService<EventJsonReader>(), sp.GetRequiredService<IEventWriter>(),
            sp.GetService<GraphReports.Hosting.InternalErrorLog>() is { } log ? log.Log : null));
        var intake = builder.Configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions();
        services.AddRateLimiter(limiter => limiter.AddConcurrencyLimiter(IntakeOptions.BodiesPolicy, bodies =>
        {
            bodies.PermitLimit = Math.Max(1, intake.MaxConcurrentBodies);
            bodies.QueueLimit = Math.Max(0, intake.MaxQueuedBodies);
        }));
        // Tracked web pages: /tracker.js and the beacon endpoint with its own limits.
        services.Configure<BeaconOptions>(builder.Configuration.GetSection(BeaconOptions.SectionName));
        services.AddSingleton<TrackerScript>();
        services.AddBeaconRateLimits();
        // Intake enforces its own, documented body limit (413 with a message); Kestrel's 30 MB default would cut in first.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);
        return builder;
    }
}
