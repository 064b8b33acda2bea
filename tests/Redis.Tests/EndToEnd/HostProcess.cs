using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Environments;

namespace GraphReports.Redis.Tests.EndToEnd;

/// <summary>
/// A built host (GraphReports.Api.dll or GraphReports.Indexer.dll) in a process of its own, as people run it,
/// on 127.0.0.1 and a free port; killed on dispose. Its output is kept for the assertion messages.
/// </summary>
public sealed class HostProcess : IDisposable
{
    public const string Env = "acme";
    public const string IngestKey = "e2e-acme-ingest-key", ApiKey = "e2e-acme-api-key";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(string dll, IEnumerable<string> args, int? port)
    {
        Port = port;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (port is { } p) Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{p}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int? Port { get; }

    public HttpClient Client { get; } = new();

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The acme environment in UTC with the test keys, the store file, and Redis when given.</summary>
    public static string[] Settings(string storePath, string? redis) =>
    [
        $"--GraphReports:Storage:Path={storePath}",
        $"--GraphReports:Environments:{Env}:Name=Acme",
        $"--GraphReports:Environments:{Env}:TimeZone=UTC",
        $"--GraphReports:Environments:{Env}:IngestKeyHashes:0={KeyHasher.Hash(IngestKey)}",
        $"--GraphReports:Environments:{Env}:ApiKeyHashes:0={KeyHasher.Hash(ApiKey)}",
        "--GraphReports:Demo:LoadOnEmptyStore=false",
        .. redis is null ? (string[])[] : [$"--GraphReports:Redis:Configuration={redis}"],
    ];

    public static async Task<HostProcess> StartApiAsync(string[] settings) =>
        await StartServerAsync(Path.Combine(SourceRoot, "Api", "bin", BuildConfiguration, "net10.0", "GraphReports.Api.dll"), [], settings);

    public static async Task<HostProcess> StartIndexerAsync(string[] settings) =>
        await StartServerAsync(IndexerDll, ["serve"], settings);

    /// <summary>The <c>worker</c> command: no HTTP, writes the stream into the store until killed.</summary>
    public static HostProcess StartWorker(string[] settings) => new(IndexerDll, ["worker", .. settings], null);

    private static async Task<HostProcess> StartServerAsync(string dll, string[] command, string[] settings)
    {
        var port = RedisServer.FreePort();
        var host = new HostProcess(dll, [.. command, "--urls", $"http://127.0.0.1:{port}", .. settings], port);
        for (var i = 0; i < 600; i++)
        {
            if (host._process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited: {host.Output}");
            try
            {
                if ((await host.Client.GetAsync("/health")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        host.Dispose();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer /health in 60 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no acknowledgement of what it was doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
    }

    public Task<HttpResponseMessage> PostEventsAsync(string ndjson)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
        return Client.SendAsync(request);
    }

    /// <summary>Runs a GraphQL query as the acme api key; returns the response body as JSON (throws on a non-200 answer).</summary>
    public async Task<JsonElement> QueryAsync(string query, object? variables = null, string apiKey = ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GraphQL answered {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        if (json.TryGetProperty("errors", out var errors)) throw new InvalidOperationException("GraphQL errors: " + errors);
        return json;
    }

    /// <summary>The value of one Prometheus sample of <c>/metrics</c> (summed over its label sets), 0 when absent.</summary>
    public async Task<double> MetricAsync(string name, string? labelFragment = null)
    {
        var text = await Client.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
            .Where(l => labelFragment is null || l.Contains(labelFragment, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>NDJSON of <paramref name="count"/> searches at <paramref name="at"/> (plus a minute each), ids <c>{prefix}-{i}</c>.</summary>
    public static string Searches(string prefix, int count, DateTimeOffset at) =>
        string.Join("\n", Enumerable.Range(0, count).Select(i =>
            $$$"""{"id":"{{{prefix}}}-{{{i}}}","type":"search","timestamp":"{{{at.AddMinutes(i % 600):yyyy-MM-ddTHH:mm:ssZ}}}","user":"u-{{{i % 7}}}","session":"s-{{{prefix}}}","search":{"kind":"text","text":"red car {{{i % 3}}}","results":4}}""")) + "\n";

    /// <summary>Noon UTC on the 10th of the month two months before now: a closed month whatever the day (tests must not depend on the date).</summary>
    public static DateTimeOffset ClosedMonthInstant()
    {
        var now = DateTimeOffset.UtcNow;
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-2);
        return month.AddDays(9).AddHours(12);
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
        _process.Dispose();
        Client.Dispose();
    }

    private static string IndexerDll => Path.Combine(SourceRoot, "Indexer", "bin", BuildConfiguration, "net10.0", "GraphReports.Indexer.dll");

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    private static string SourceRoot { get; } = FindSourceRoot();

    private static string FindSourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphReports.sln"))) return Path.Combine(dir.FullName, "src");
        throw new InvalidOperationException("GraphReports.sln not found above " + AppContext.BaseDirectory);
    }
}
