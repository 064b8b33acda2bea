using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Environments;
using GraphReports.Tests.Hostile;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace GraphReports.Api.Tests.EndToEnd;

/// <summary>
/// The Api's bad-input campaign against the real host on 127.0.0.1 (demo data): seeded damage to
/// the example operations and their variables, hostile request bodies, GET requests, and CSV export
/// parameters. Nothing answers 5xx, no GraphQL error is an INTERNAL_SERVER_ERROR, the host stays healthy.
/// </summary>
public sealed class HostileCampaignTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261202;
    private const string Key = "campaign-api-key";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphreports-e2e", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = ApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--GraphReports:Storage:Path={Path.Combine(_folder, "store.db")}",
            "--GraphReports:Demo:Events=3000",
            "--GraphReports:RateLimits:Enabled=false",
            $"--GraphReports:Environments:acme:ApiKeyHashes:0={KeyHasher.Hash(Key)}",
        ]);
        _client = new HttpClient { BaseAddress = new Uri((await ApiHost.StartAsync(_app))[0]) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static string[] Examples() =>
        Directory.GetFiles(Path.Combine(Reports.Examples.RepositoryRoot, "schema", "examples"), "*.graphql").Order().Select(File.ReadAllText).ToArray();

    private async Task<(HttpStatusCode Status, string Body)> CheckAsync(HttpRequestMessage request, string what)
    {
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"seed {Seed}, {what}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", body);
        return (response.StatusCode, body);
    }

    private static HttpRequestMessage Post(byte[] body, string contentType = "application/json") =>
        new(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } } };

    private static object? HostileVariable(HostileInputs random) => random.Next(9) switch
    {
        0 => random.HostileText(),
        1 => Enumerable.Range(0, random.Pick(1, 1_001, 40_000)).Select(i => $"id-{i}").ToArray(),
        2 => random.Next(int.MaxValue) * (random.Chance(0.5) ? -1L : 1L) * 1_000_000L,
        3 => new { from = random.HostileText(), to = random.HostileText() },
        4 => new { from = "1970-01-01", to = "2026-12-31" },
        5 => null,
        6 => new object[] { new object[] { new object[] { 1 } } },
        7 => 1.5e300,
        _ => true,
    };

    [Fact]
    public async Task Hostile_GraphQL_requests_and_export_parameters_never_get_a_server_error()
    {
        var random = new HostileInputs(Seed);
        var examples = Examples();
        var variableNames = new[] { "month", "id", "path", "limit", "page", "pageSize", "ids", "period", "filter", "interval" };
        int documents = 0, variables = 0, bodies = 0, gets = 0, exports = 0;

        for (var n = 0; n < 700; n++) // damaged documents
        {
            var query = examples[random.Next(examples.Length)];
            byte[] text = random.Chance(0.5) ? random.MutateBytes(Encoding.UTF8.GetBytes(query)) : Encoding.UTF8.GetBytes(query.Replace("month: $month", "month: " + random.Pick("\"2026-13\"", "\"\"", "1", "null", "\"9999-12\"", "\"0000-01\"")));
            var body = Encoding.UTF8.GetBytes("{\"query\":").Concat(JsonEncode(text)).Concat(Encoding.UTF8.GetBytes("}")).ToArray();
            await CheckAsync(Post(body), $"document {n}");
            documents++;
        }

        for (var n = 0; n < 700; n++) // hostile variables for valid documents
        {
            var query = examples[random.Next(examples.Length)];
            var vars = variableNames.Where(_ => random.Chance(0.4)).ToDictionary(v => v, _ => HostileVariable(random));
            var body = JsonSerializer.SerializeToUtf8Bytes(new { query, variables = vars });
            await CheckAsync(Post(body), $"variables {n}");
            variables++;
        }

        string[] bodyShapes =
        [
            "", "null", "[]", "{}", "{\"query\":1}", "{\"query\":null}", "{\"query\":\"{\"}", "{\"query\":\"{ environment { id } }\",\"variables\":\"x\"}",
            "{\"query\":\"{ environment { id } }\",\"operationName\":[]}", "{\"query\":\"" + string.Concat(Enumerable.Repeat("{a", 5000)) + "\"}",
            "{\"query\":\"{ " + string.Join(" ", Enumerable.Range(0, 2000).Select(i => $"a{i}: __typename")) + " }\"}",
            "{\"query\":\"query { environment { id } }\",\"extensions\":{\"cost\":true}}", "{\"query\":\"\\ud800\"}",
        ];
        for (var n = 0; n < 300; n++) // hostile bodies and content types
        {
            var shape = Encoding.UTF8.GetBytes(bodyShapes[random.Next(bodyShapes.Length)]);
            var body = random.Chance(0.5) ? random.MutateBytes(shape) : shape;
            await CheckAsync(Post(body, random.Pick("application/json", "application/graphql-response+json", "text/plain", "application/json; charset=latin1", "multipart/form-data")), $"body {n}");
            bodies++;
        }

        for (var n = 0; n < 300; n++) // GET with damaged parameters
        {
            var query = Uri.EscapeDataString(Encoding.UTF8.GetString(random.MutateBytes(Encoding.UTF8.GetBytes(examples[random.Next(examples.Length)]))));
            var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={Uri.EscapeDataString(random.HostileText())}");
            request.Headers.Accept.ParseAdd(random.Pick("application/json", "application/graphql-response+json", "*/*", "text/html"));
            await CheckAsync(request, $"GET {n}");
            gets++;
        }

        string[] figures = ["search/searchesTrend", "downloads/topAssets", "summary/activeUsersTrend", "nope/nothing", "search/topSearches", "../../etc/passwd"];
        string[] parameters = ["month", "limit", "includeBulk", "formulas", "key", "unknown"];
        for (var n = 0; n < 600; n++) // CSV export parameters
        {
            var query = string.Join("&", parameters.Where(_ => random.Chance(0.4)).Select(p => $"{p}={Uri.EscapeDataString(random.HostileText())}"));
            if (random.Chance(0.1)) query += "&limit=1&limit=2";
            await CheckAsync(new HttpRequestMessage(HttpMethod.Get, $"/export/{random.Pick(figures)}.csv?{query}"), $"export {n}");
            exports++;
        }

        output.WriteLine($"seed {Seed}: POST /graphql documents {documents}, variables {variables}, bodies {bodies}; GET /graphql {gets}; GET /export {exports}; total {documents + variables + bodies + gets + exports}");
        using var health = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Bytes as a JSON string literal, keeping bytes that are not UTF-8 as they are (the body is then not UTF-8: hostile on purpose).</summary>
    private static byte[] JsonEncode(byte[] text)
    {
        var output = new List<byte> { (byte)'"' };
        foreach (var b in text)
        {
            if (b == '"' || b == '\\') { output.Add((byte)'\\'); output.Add(b); }
            else if (b < 0x20) output.AddRange(Encoding.ASCII.GetBytes($"\\u{b:x4}"));
            else output.Add(b);
        }
        output.Add((byte)'"');
        return [.. output];
    }
}
