using System.CommandLine;
using GraphReports.Analytics.Environments;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using GraphReports.Analytics.Text;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// <c>rollups</c>: rebuilds the report rollups of every stale month now (after <c>import --no-rollups</c>,
/// or when an environment's time zone changed), with progress; the Api also does it in the background.
/// </summary>
public static class RollupsCommand
{
    public static Command Create()
    {
        var command = new Command("rollups", "Rebuild the report rollups of every month whose events changed since they were built.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.UnmatchedTokens.ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build(configurationArgs);
        var store = host.Services.GetRequiredService<SqliteEventStore>();
        var zoneOf = host.Services.GetRequiredService<CredentialDirectory>().TimeZoneOf;
        IImportOutput output = Console.IsOutputRedirected ? new ProgressLines() : new ProgressBars();
        var totals = await output.RollupsAsync(progress => ReportRollups.BuildStaleAsync(store, zoneOf, progress, cancellationToken: cancellationToken));
        Console.Out.WriteLine($"report rollups: {Counted.Of(totals.Months, "month")} ({Counted.Of(totals.Events, "event")}) rebuilt in {totals.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
