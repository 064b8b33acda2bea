using GraphReports.Analytics.Environments;
using GraphReports.Indexer.Extensions;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// The services of the Indexer without its web server, for commands: same configuration sources
/// (appsettings.json, environment variables, <c>--Section:Key=value</c> arguments), same store.
/// </summary>
internal static class CommandHost
{
    public static IHost Build(string[] configurationArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.AddIndexerServices();
        return builder.Build();
    }

    /// <summary>The environment with this id, or null after printing the configured ones.</summary>
    public static ProductEnvironment? FindEnvironment(IServiceProvider services, string id)
    {
        var directory = services.GetRequiredService<CredentialDirectory>();
        var environment = directory.Find(id);
        if (environment is null)
            Console.Error.WriteLine($"Unknown environment '{id}'. Configured: {string.Join(", ", directory.Environments.Select(e => e.Id))}.");
        return environment;
    }
}
