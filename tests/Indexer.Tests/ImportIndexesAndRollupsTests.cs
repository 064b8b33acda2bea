using System.Text.Json;
using GraphReports.Sqlite;
using Microsoft.Data.Sqlite;

namespace GraphReports.Indexer.Tests;

/// <summary>
/// <c>import --indexes ... [--no-rollups]</c> and <c>rollups</c>, run as people run them: the built
/// GraphReports.Indexer.dll in its own process, over a store file in a temp folder. The store is then
/// inspected with a reader only (opening a writer would build missing indexes and hide a failure).
/// </summary>
public class ImportIndexesAndRollupsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StorePath => _folder.File("store.db");

    /// <summary>
    /// Six lines for alpha (Europe/Berlin): four events in September 2025, one on 30 September 23:30 UTC,
    /// which is 1 October in Berlin, and a repeat of the first id.
    /// </summary>
    private async Task<string> WriteFileAsync()
    {
        static string Search(string id, string timestamp, string user) => JsonSerializer.Serialize(new
        {
            id, type = "search", timestamp, user, session = "s-" + user, search = new { kind = "text", text = "red car", results = 2 },
        });
        var file = _folder.File("events.ndjson");
        await File.WriteAllLinesAsync(file,
        [
            Search("e1", "2025-09-02T10:00:00Z", "anna"),
            Search("e2", "2025-09-03T10:00:00+02:00", "ben"),
            Search("e3", "2025-09-15T08:00:00Z", "anna"),
            Search("e4", "2025-09-29T12:00:00Z", "carl"),
            Search("e5", "2025-09-30T23:30:00Z", "anna"),
            Search("e1", "2025-09-05T10:00:00Z", "zoe"), // the same id: a duplicate, not stored
        ]);
        return file;
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        BuiltHosts.RunAsync(BuiltHosts.IndexerDll, [.. args, .. TestEnvironments.Args(StorePath)]);

    private async Task<string> ImportAsync(params string[] options)
    {
        var (code, stdout, stderr) = await RunAsync(["import", await WriteFileAsync(), "--environment", TestEnvironments.Alpha, .. options]);
        Assert.True(code == 0, stderr + stdout);
        return stdout;
    }

    private SqliteConnection OpenReader() => new SqliteStoreReader(new SqliteStoreOptions { Path = StorePath }).OpenConnection();

    private List<string> Rows(string sql)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    private List<string> SecondaryIndexes() =>
        Rows("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('event_env_type_ts', 'event_env_asset_type_ts') ORDER BY name");

    private List<string> RollupMonths() => Rows("SELECT env, month, zone, current FROM report_rollup_month ORDER BY env, month");

    [Fact]
    public async Task Import_prints_lines_accepted_and_duplicates_of_the_file()
    {
        var stdout = await ImportAsync();

        Assert.Contains("lines: 6\n", stdout);
        Assert.Contains("accepted: 5\n", stdout);
        Assert.Contains("duplicates: 1\n", stdout);
        Assert.Contains("rejected: 0\n", stdout);
        Assert.Contains("elapsed: ", stdout);
        Assert.Contains("peak memory: ", stdout);
        Assert.Equal(["5"], Rows("SELECT count(*) FROM event"));
        Assert.Equal(["anna"], Rows("SELECT t.value FROM event e JOIN text_value t ON t.id = e.user WHERE e.event_id = 'e1'")); // the first e1 won
    }

    [Fact]
    public async Task Indexes_after_builds_them_once_the_events_are_in_and_says_so()
    {
        var stdout = await ImportAsync("--indexes", "after");

        Assert.Contains("indexes built after loading: ", stdout);
        Assert.Equal(["event_env_asset_type_ts", "event_env_type_ts"], SecondaryIndexes());
        Assert.Equal(["5"], Rows("SELECT count(*) FROM event INDEXED BY event_env_type_ts WHERE env = 1 AND type > 0"));
    }

    [Fact]
    public async Task Indexes_during_keeps_them_and_prints_no_index_step()
    {
        var stdout = await ImportAsync("--indexes", "during");

        Assert.DoesNotContain("indexes built after loading", stdout);
        Assert.Equal(["event_env_asset_type_ts", "event_env_type_ts"], SecondaryIndexes());
        Assert.Contains("accepted: 5\n", stdout);
    }

    [Fact]
    public async Task Import_rebuilds_the_rollups_of_the_months_it_touched_in_the_environments_zone()
    {
        var stdout = await ImportAsync();

        Assert.Contains("report rollups: 2 months rebuilt in ", stdout);
        Assert.Equal(["alpha\t202509\tEurope/Berlin\t1", "alpha\t202510\tEurope/Berlin\t1"], RollupMonths());
        Assert.Equal(["202509\t4", "202510\t1"], Rows("SELECT month, events FROM report_rollup WHERE dim = 0 AND type = 0 ORDER BY month"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_stores_nothing_and_leaves_the_months_current()
    {
        // auto: the first file is larger than the empty store, so the indexes are built after loading ...
        Assert.Contains("indexes built after loading: ", await ImportAsync());
        var again = await ImportAsync();

        Assert.Contains("lines: 6\n", again);
        Assert.Contains("accepted: 0\n", again);
        Assert.Contains("duplicates: 6\n", again);
        // ... the second time the file (about 900 bytes, which import counts as 3 events) is smaller than the store (5 events): kept during the load.
        Assert.DoesNotContain("indexes built after loading", again);
        Assert.Contains("report rollups: 0 months rebuilt in ", again);
        Assert.Equal(["alpha\t202509\tEurope/Berlin\t1", "alpha\t202510\tEurope/Berlin\t1"], RollupMonths());
        Assert.Equal(["5"], Rows("SELECT count(*) FROM event"));
    }

    [Fact]
    public async Task No_rollups_leaves_the_months_stale_until_the_rollups_command_builds_them()
    {
        var stdout = await ImportAsync("--no-rollups");

        Assert.DoesNotContain("report rollups:", stdout);
        Assert.Equal(["alpha\t202509\tEurope/Berlin\t0", "alpha\t202510\tEurope/Berlin\t0"], RollupMonths());
        Assert.Equal(["0"], Rows("SELECT count(*) FROM report_rollup"));

        var (code, rolled, stderr) = await RunAsync("rollups");

        Assert.True(code == 0, stderr + rolled);
        Assert.Contains("report rollups: 2 months (5 events) rebuilt in ", rolled);
        Assert.Equal(["alpha\t202509\tEurope/Berlin\t1", "alpha\t202510\tEurope/Berlin\t1"], RollupMonths());
        Assert.Equal(["202509\t4", "202510\t1"], Rows("SELECT month, events FROM report_rollup WHERE dim = 0 AND type = 0 ORDER BY month"));

        var again = await RunAsync("rollups");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("report rollups: 0 months (0 events) rebuilt in ", again.Stdout);
    }
}
