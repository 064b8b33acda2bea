using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Api.Demo;
using GraphReports.Sqlite;
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
        services.AddSingleton(sp => new EventJsonReader(sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => SqliteEventStore.Open(new SqliteStoreOptions { Path = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolvePath() }));
        services.AddSingleton<DemoDataLoader>();
        services.AddSingleton<WelcomePrinter>();
        return builder;
    }
}
