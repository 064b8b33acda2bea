using System.CommandLine;
using System.CommandLine.Parsing;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// The Indexer's command line: <c>serve</c> (the default when no command is given), <c>import</c>, <c>export</c>, <c>rollups</c>, <c>worker</c>,
/// <c>generate</c> and <c>hash-key</c>. Tokens no command knows are passed on as configuration when they
/// look like configuration (<c>--urls</c>, <c>--GraphReports:Storage:Path=...</c>); an unknown command or
/// option prints the usage and exits with 2.
/// </summary>
public static class IndexerCommandLine
{
    /// <summary>The exit code of a command line the Indexer does not understand.</summary>
    public const int UsageExitCode = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("GraphReports Indexer: takes in usage events over HTTP (serve), from NDJSON files (import), and makes demo data (generate).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(RollupsCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(HashKeyCommand.Create());
        root.SetAction((parse, ct) => ServeCommand.RunAsync(parse.UnmatchedTokens.ToArray(), ct));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; a command line with an unknown command or option, or
    /// any other parse error, prints what is wrong and the command's usage to the error writer and
    /// returns <see cref="UsageExitCode"/> without running anything.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = Create().Parse(args);
        configuration ??= new InvocationConfiguration();
        var problems = parse.Errors.Select(e => e.Message).ToList();
        if (problems.Count == 0 && ConfigurationArguments.Problem(parse.UnmatchedTokens, parse.CommandResult.Command is RootCommand) is { } problem)
            problems.Add(problem);
        if (problems.Count == 0) return await parse.InvokeAsync(configuration, cancellationToken);

        var error = configuration.Error;
        foreach (var message in problems) error.WriteLine(message);
        error.WriteLine();
        // The usage of the command that was meant (the root's when the command itself is unknown), on the error writer.
        var help = Create().Parse([.. CommandPath(parse.CommandResult), "--help"]);
        await help.InvokeAsync(new InvocationConfiguration { Output = error, Error = error }, cancellationToken);
        return UsageExitCode;
    }

    private static IEnumerable<string> CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } c; result = c.Parent) names.Push(c.Command.Name);
        return names;
    }
}
