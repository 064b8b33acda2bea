using System.CommandLine;
using GraphReports.Analytics.Environments;

namespace GraphReports.Indexer.Commands;

/// <summary><c>hash-key &lt;key&gt;</c>: prints the digest to put in configuration for a new key.</summary>
public static class HashKeyCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("key") { Description = "The clear key (keep it secret; configuration stores only its digest)." };
        var command = new Command("hash-key", "Print the SHA-256 digest of a key, for GraphReports:Environments:<id>:IngestKeyHashes or ApiKeyHashes.") { key };
        command.SetAction(parse => Console.Out.WriteLine(KeyHasher.Hash(parse.GetValue(key)!)));
        return command;
    }
}
