using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Sqlite;

namespace GraphReports.Indexer.Tests;

/// <summary>The Indexer as people run it: the built GraphReports.Indexer.dll in its own process.</summary>
public class ChildProcessTests
{
    private static SqliteEventStore OpenStore(string path) => SqliteEventStore.Open(new SqliteStoreOptions { Path = path });

    [Fact]
    public async Task Acknowledged_events_survive_a_kill_of_the_indexer()
    {
        using var folder = new TempFolder();
        var storePath = folder.File("store.db");
        var port = BuiltHosts.FreePort();
        using var process = BuiltHosts.Start(BuiltHosts.IndexerDll, ["serve", "--urls", $"http://127.0.0.1:{port}", .. TestEnvironments.Args(storePath)]);
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var acknowledged = 0;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForHealthAsync(client, process, errors);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestEnvironments.AlphaIngestKey);
            // Posters keep sending while the process is killed: only what was acknowledged counts.
            using var stop = new CancellationTokenSource();
            var posters = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
            {
                for (var b = 0; !stop.IsCancellationRequested; b++)
                {
                    var content = new StringContent(TestEvents.Ndjson(TestEvents.Searches($"k{p}-{b}", 100)), Encoding.UTF8, "application/x-ndjson");
                    HttpResponseMessage response;
                    try { response = await client.PostAsync("/v1/events", content); }
                    catch (HttpRequestException) { return; }
                    if (!response.IsSuccessStatusCode) return;
                    var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    Interlocked.Add(ref acknowledged, body.GetProperty("accepted").GetInt32());
                }
            })).ToArray();
            while (Volatile.Read(ref acknowledged) < 3_000) await Task.Delay(20);
            process.Kill(); // SIGKILL: no shutdown, no flush
            await process.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(posters);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        using var store = OpenStore(storePath);
        var stored = store.Reader.CountEvents(TestEnvironments.Alpha);
        Assert.True(acknowledged >= 3_000);
        // Every acknowledged event is there; at most the batches in flight at the kill were stored unacknowledged.
        Assert.InRange(stored, acknowledged, acknowledged + 4 * 100);
        Assert.Equal(0, stored % 100);
    }

    [Fact]
    public async Task Import_stores_a_file_and_writes_rejected_lines_to_a_side_file()
    {
        using var folder = new TempFolder();
        var storePath = folder.File("store.db");
        var file = folder.File("events.ndjson");
        var lines = new List<string>();
        lines.AddRange(TestEvents.Searches("i", 1_000));
        lines.Insert(10, """{"id":"bad-a","type":"search","timestamp":"2026-01-01T00:00:00Z","user":"u","session":"s"}""");
        lines.Insert(500, "{not json");
        lines.Add(TestEvents.Search("i-7")); // a duplicate of an earlier line
        await File.WriteAllTextAsync(file, string.Join("\n", lines) + "\n");

        var (code, stdout, stderr) = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll, ["import", file, "--environment", TestEnvironments.Alpha, .. TestEnvironments.Args(storePath)]);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("lines: 1003", stdout);
        Assert.Contains("accepted: 1000", stdout);
        Assert.Contains("duplicates: 1", stdout);
        Assert.Contains($"rejected: 2 (lines and reasons in {file}.rejected.ndjson)", stdout);

        var rejectedText = await File.ReadAllTextAsync(file + ".rejected.ndjson");
        // Readable as text: the reason's `search` as written, not \u0060search\u0060.
        Assert.Contains("\"error\":\"`search` is required", rejectedText);
        Assert.DoesNotContain("\\u00", rejectedText);
        var rejected = rejectedText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([11L, 501L], rejected.Select(r => r.GetProperty("line").GetInt64()));
        Assert.Contains("`search`", rejected[0].GetProperty("error").GetString());
        Assert.Equal("{not json", rejected[1].GetProperty("text").GetString());
        Assert.StartsWith("not valid JSON at byte 2: ", rejected[1].GetProperty("error").GetString());

        using var store = OpenStore(storePath);
        Assert.Equal(1000, store.Reader.CountEvents(TestEnvironments.Alpha));
    }

    [Fact]
    public async Task Import_reads_standard_input_and_refuses_an_unknown_environment()
    {
        using var folder = new TempFolder();
        var storePath = folder.File("store.db");
        var rejectedPath = folder.File("rej.ndjson");
        var (code, stdout, stderr) = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll,
            ["import", "-", "--environment", TestEnvironments.Beta, "--rejected", rejectedPath, .. TestEnvironments.Args(storePath)],
            stdin: TestEvents.Ndjson(TestEvents.Searches("s", 25)));
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("accepted: 25", stdout);
        Assert.Contains("rejected: 0", stdout);
        Assert.False(File.Exists(rejectedPath));

        var unknown = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll, ["import", "-", "--environment", "nope", .. TestEnvironments.Args(storePath)], stdin: "");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown environment 'nope'. Configured: ", unknown.Stderr);
    }

    [Fact]
    public async Task Generate_then_import_loads_every_demo_line_with_the_demo_configuration()
    {
        using var folder = new TempFolder();
        var storePath = folder.File("store.db");
        var file = folder.File("acme.ndjson");
        // No test environments here: the appsettings.json shipped with the Indexer is used (acme, globex, initech).
        var generated = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll, ["generate", "--events", "5000", "--seed", "3", "--environment", "acme", "--output", file]);
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        Assert.Equal(5000, File.ReadLines(file).Count());

        var imported = await BuiltHosts.RunAsync(BuiltHosts.IndexerDll, ["import", file, "--environment", "acme", $"--GraphReports:Storage:Path={storePath}"]);
        Assert.True(imported.ExitCode == 0, imported.Stderr + imported.Stdout);
        Assert.Contains("rejected: 0", imported.Stdout);
        using var store = OpenStore(storePath);
        var accepted = store.Reader.CountEvents("acme");
        Assert.Contains($"accepted: {accepted}", imported.Stdout);
        Assert.Contains($"duplicates: {5000 - accepted}", imported.Stdout);
        Assert.InRange(accepted, 4900, 4999);
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process process, StringBuilder errors)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) { lock (errors) throw new InvalidOperationException("the indexer exited: " + errors); }
            try { if ((await client.GetAsync("/health")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the indexer did not answer /health within 60 s");
    }
}
