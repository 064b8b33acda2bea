using System.CommandLine;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// The Indexer's command line: <c>serve</c> (the default when no command is given), <c>import</c>, <c>rollups</c>, <c>worker</c>,
/// <c>generate</c> and <c>hash-key</c>. Tokens no command knows (<c>--urls</c>,
/// <c>--GraphReports:Storage:Path=...</c>) are passed on as configuration.
/// </summary>
public static class IndexerCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("GraphReports Indexer: takes in usage events over HTTP (serve), from NDJSON files (import), and makes demo data (generate).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(RollupsCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(HashKeyCommand.Create());
        root.SetAction((parse, ct) => ServeCommand.RunAsync(parse.UnmatchedTokens.ToArray(), ct));
        return root;
    }
}
