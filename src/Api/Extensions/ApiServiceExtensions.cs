using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Api.Demo;
using GraphReports.Api.Maintenance;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphReports.Api.Extensions;

/// <summary>Every service registration of the Api.</summary>
public static class ApiServiceExtensions
{
    /// <summary>Configuration (<c>appsettings.json</c>) is read from the application's folder, whatever the current directory.</summary>
    public static WebApplicationOptions HostOptions(string[] args) => new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GraphReportsOptions>(builder.Configuration.GetSection(GraphReportsOptions.SectionName));
        services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.SectionName));
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.SectionName));
        services.AddSingleton(sp => new CredentialDirectory(sp.GetRequiredService<IOptions<GraphReportsOptions>>().Value));
        // One clock for validation, demo data, rollups and reports; a host built with its own clock registered it first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EventJsonReader(sp.GetRequiredService<TimeProvider>()));
        // Opened with the report rollups: every event this host writes must be counted by the reports.
        services.AddSingleton(sp => ReportingStore.Open(
            new SqliteStoreOptions { Path = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolvePath() },
            sp.GetRequiredService<CredentialDirectory>().TimeZoneOf));
        services.AddSingleton<DemoDataLoader>();
        services.Configure<RollupMaintenanceOptions>(builder.Configuration.GetSection(RollupMaintenanceOptions.SectionName));
        services.AddHostedService<RollupMaintenanceService>();
        services.AddHostedService(sp => new RecentEventsLoader(sp.GetService<Sqlite.Queries.SqliteReportStore>(), sp.GetRequiredService<CredentialDirectory>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RecentEventsLoader>>()));
        services.AddSingleton<WelcomePrinter>();
        services.AddOptions<Tracking.TrackerOptions>().Bind(builder.Configuration.GetSection(Tracking.TrackerOptions.SectionName))
            .Validate(o => o.TrackerUrl() is not null, $"{Tracking.TrackerOptions.SectionName}:PublicUrl must be an absolute http or https URL (the Indexer's address as tracked pages reach it), for example https://collect.example.com.")
            .ValidateOnStart();
        builder.AddReportStore();
        return builder;
    }
}
