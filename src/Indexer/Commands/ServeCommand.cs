using System.CommandLine;

namespace GraphReports.Indexer.Commands;

/// <summary><c>serve</c>: runs the collector (<c>POST /v1/events</c>, <c>GET /health</c>) until stopped.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the HTTP collector (default), on http://localhost:5081 unless --urls says otherwise (e.g. --urls http://127.0.0.1:6081).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, ct) => RunAsync(parse.UnmatchedTokens.ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        await using var app = IndexerHost.Build(hostArgs);
        await ((IHost)app).RunAsync(cancellationToken);
        return 0;
    }
}
