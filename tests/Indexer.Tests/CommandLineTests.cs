using System.CommandLine;
using GraphReports.Indexer.Commands;

namespace GraphReports.Indexer.Tests;

/// <summary>The Indexer's command line refuses what it does not know instead of starting the collector anyway.</summary>
public class CommandLineTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IndexerCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'.", "[command]")]
    [InlineData(new[] { "--frobnicate" }, "Unknown option '--frobnicate'.", "[command]")]
    [InlineData(new[] { "serve", "--port", "5000" }, "Unknown option '--port'.", "serve [options]")]
    [InlineData(new[] { "serve", "extra" }, "Unexpected argument 'extra'.", "serve [options]")]
    [InlineData(new[] { "rollups", "--GraphReports:Storage:Path" }, "Option '--GraphReports:Storage:Path' needs a value.", "rollups [options]")]
    [InlineData(new[] { "hash-key" }, "Required argument missing for command: 'hash-key'.", "hash-key <key>")]
    public async Task An_unknown_command_or_option_prints_what_is_wrong_and_the_usage_and_exits_2(string[] args, string message, string usage)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith(message + "\n", error);
        // "Usage:" then the program's name (the test host's here) and the command's own usage.
        Assert.Matches(@"\nUsage:\n  \S+ " + System.Text.RegularExpressions.Regex.Escape(usage), error);
        Assert.Equal("", output); // nothing ran
    }

    [Fact]
    public async Task Configuration_arguments_pass_through_to_the_command()
    {
        using var folder = new TempFolder();

        var (code, _, error) = await RunAsync("rollups", "--GraphReports:Storage:Path", folder.File("store.db"), "--environment=Production");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(folder.File("store.db")));
    }

    [Fact]
    public async Task The_built_indexer_refuses_an_unknown_command_with_exit_code_2()
    {
        var (code, stdout, stderr) = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll, ["frobnicate"], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, code);
        Assert.StartsWith("Unknown command 'frobnicate'.", stderr);
        Assert.Contains("Usage:", stderr);
        Assert.Equal("", stdout);
    }
}
