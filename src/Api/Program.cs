using GraphReports.Api;

// Builds the host (services in Extensions/ApiServiceExtensions.cs), loads demo data into an empty
// store, then serves until stopped.
await using var app = ApiHost.Build(args);
await ApiHost.RunAsync(app);

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
