using GraphReports.Sqlite;

namespace GraphReports.Indexer.Tests;

/// <summary>
/// <c>export</c> writes an environment of the embedded store as NDJSON that <c>import</c> reads back into
/// another store with nothing lost or changed: the way to move a store's events to Elasticsearch
/// (README, "Scale out with Elasticsearch"). Run as people run them, the built Indexer in its own process.
/// </summary>
public sealed class ExportRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<(int ExitCode, string Stdout, string Stderr)> Run(string store, params string[] args) =>
        BuiltHosts.RunAsync(BuiltHosts.IndexerDll, [.. args, .. TestEnvironments.Args(store)]);

    private static async Task<string> Ok(Task<(int ExitCode, string Stdout, string Stderr)> run)
    {
        var (code, stdout, stderr) = await run;
        Assert.True(code == 0, stderr + stdout);
        return stdout;
    }

    [Fact]
    public async Task An_exported_environment_imports_into_another_store_unchanged_and_exports_the_same_bytes()
    {
        var first = _folder.File("first.db");
        var second = _folder.File("second.db");
        var generated = _folder.File("generated.ndjson");
        await Ok(Run(first, "generate", "--events", "3000", "--seed", "7", "--months", "3", "--now", "2026-03-15T12:00:00Z", "--environment", TestEnvironments.Alpha, "--output", generated));
        await Ok(Run(first, "import", generated, "--environment", TestEnvironments.Alpha));

        var exported = _folder.File("exported.ndjson");
        await Ok(Run(first, "export", "--environment", TestEnvironments.Alpha, "--output", exported));
        var imported = await Ok(Run(second, "import", exported, "--environment", TestEnvironments.Alpha));
        var again = _folder.File("again.ndjson");
        await Ok(Run(second, "export", "--environment", TestEnvironments.Alpha, "--output", again));

        using var a = new SqliteStoreReader(new SqliteStoreOptions { Path = first });
        using var b = new SqliteStoreReader(new SqliteStoreOptions { Path = second });
        var count = a.CountEvents(TestEnvironments.Alpha);
        Assert.True(count > 2500, $"only {count} events stored");
        Assert.Equal(count, File.ReadLines(exported).Count());
        Assert.Contains($"accepted: {count}", imported);
        Assert.Equal(a.ReadEvents(TestEnvironments.Alpha).ToArray(), b.ReadEvents(TestEnvironments.Alpha).ToArray(), new EventComparer());
        Assert.Equal(await File.ReadAllBytesAsync(exported), await File.ReadAllBytesAsync(again));
    }

    [Fact]
    public async Task Export_of_an_unknown_environment_says_which_are_configured()
    {
        var (code, _, stderr) = await Run(_folder.File("x.db"), "export", "--environment", "nope");
        Assert.Equal(2, code);
        Assert.Contains("Unknown environment 'nope'", stderr);
    }

    /// <summary>Events compared field by field (records compare lists by reference), the timestamp with its offset.</summary>
    private sealed class EventComparer : IEqualityComparer<Analytics.Events.ActivityEvent>
    {
        public bool Equals(Analytics.Events.ActivityEvent? x, Analytics.Events.ActivityEvent? y) =>
            x is not null && y is not null && x.Timestamp.Offset == y.Timestamp.Offset
            && (x with { Search = null }) == (y with { Search = null })
            && (x.Search is null ? y.Search is null : y.Search is not null && (x.Search with { Filters = [] }) == (y.Search with { Filters = [] }) && x.Search.Filters.SequenceEqual(y.Search.Filters));

        public int GetHashCode(Analytics.Events.ActivityEvent obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
