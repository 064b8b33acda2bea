using System.CommandLine;
using GraphReports.Analytics.Intake;
using GraphReports.Sqlite;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// <c>export --environment &lt;id&gt; [--output file|-]</c>: writes every event of an environment of the
/// embedded store as NDJSON, in the order they were stored (the store's row ids), every field as
/// accepted; <c>import</c> reads the file back into any store (README, "Scale out with Elasticsearch").
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var environment = new Option<string>("--environment", "-e") { Description = "The environment whose events to write.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The file to write, or - for standard output (default).", DefaultValueFactory = _ => "-" };
        var command = new Command("export", "Write an environment's events from the embedded store as NDJSON (the import format), in storage order.") { environment, output };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(environment)!, parse.GetValue(output)!, parse.UnmatchedTokens.ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(string environmentId, string outputPath, string[] configurationArgs, CancellationToken cancellationToken)
    {
        using var host = CommandHost.Build(configurationArgs);
        if (CommandHost.FindEnvironment(host.Services, environmentId) is null) return 2;
        var store = host.Services.GetRequiredService<SqliteEventStore>();
        await using var output = outputPath == "-" ? Console.OpenStandardOutput() : new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using var buffered = new BufferedStream(output, 1 << 20);
        using var writer = new EventNdjsonWriter(buffered);
        foreach (var e in store.Reader.ReadEvents(environmentId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Write(e);
        }
        await buffered.FlushAsync(cancellationToken);
        if (outputPath != "-") Console.Error.WriteLine($"exported: {writer.Written} events of '{environmentId}' to {outputPath}");
        return 0;
    }
}
