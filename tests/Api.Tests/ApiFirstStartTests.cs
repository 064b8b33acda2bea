using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GraphReports.Analytics.Environments;
using GraphReports.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace GraphReports.Api.Tests;

/// <summary>The Api started in this process on 127.0.0.1:0 over a store file in a temp folder.</summary>
public class ApiFirstStartTests : IDisposable
{
    private const string AcmeApiKey = "acme-api-test-key", GlobexApiKey = "globex-api-test-key", AcmeIngestKey = "acme-ingest-test-key";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphreports-tests", Guid.NewGuid().ToString("N"));

    public ApiFirstStartTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string StorePath => Path.Combine(_folder, "store.db");

    private string[] Args(params string[] extra) =>
    [
        "--urls", "http://127.0.0.1:0",
        $"--GraphReports:Storage:Path={StorePath}",
        "--GraphReports:Demo:Events=6000",
        "--GraphReports:Environments:acme:TimeZone=Europe/Berlin",
        $"--GraphReports:Environments:acme:ApiKeyHashes:0={KeyHasher.Hash(AcmeApiKey)}",
        $"--GraphReports:Environments:acme:IngestKeyHashes:0={KeyHasher.Hash(AcmeIngestKey)}",
        "--GraphReports:Environments:globex:TimeZone=America/New_York",
        $"--GraphReports:Environments:globex:ApiKeyHashes:0={KeyHasher.Hash(GlobexApiKey)}",
        "--GraphReports:Environments:initech:Name=Initech",
        .. extra,
    ];

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(string[] args)
    {
        var app = ApiHost.Build(args);
        var addresses = await ApiHost.StartAsync(app);
        return (app, new HttpClient { BaseAddress = new Uri(addresses[0]) });
    }

    private static async Task<JsonElement> StatsAsync(HttpClient client, string key, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task First_start_on_an_empty_store_loads_demo_data_into_every_environment()
    {
        var (app, client) = await StartAsync(Args());
        long acme, globex;
        await using (app)
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            var stats = await StatsAsync(client, AcmeApiKey);
            Assert.Equal("acme", stats.GetProperty("environment").GetProperty("id").GetString());
            Assert.Equal("Europe/Berlin", stats.GetProperty("environment").GetProperty("timeZone").GetString());
            acme = stats.GetProperty("events").GetInt64();
            Assert.All(stats.GetProperty("byType").EnumerateObject(), t => Assert.True(t.Value.GetInt64() > 0, $"no {t.Name} events"));
            globex = (await StatsAsync(client, GlobexApiKey)).GetProperty("events").GetInt64();
            Assert.True(acme > globex && globex > 0, $"acme {acme}, globex {globex}");
            await app.StopAsync();
        }
        using (var store = SqliteEventStore.Open(new SqliteStoreOptions { Path = StorePath }))
        {
            Assert.Equal(acme, store.Reader.CountEvents("acme"));
            var initech = store.Reader.CountEvents("initech");
            Assert.True(initech > 0);
            // 6000 lines were generated; the demo's duplicates (same id twice) are stored once.
            Assert.InRange(acme + globex + initech, 5_900, 5_999);
        }

        // A second start finds data and loads nothing more.
        var (again, client2) = await StartAsync(Args());
        await using (again)
        using (client2)
        {
            Assert.Equal(acme, (await StatsAsync(client2, AcmeApiKey)).GetProperty("events").GetInt64());
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task Demo_loading_can_be_switched_off()
    {
        var (app, client) = await StartAsync(Args("--GraphReports:Demo:LoadOnEmptyStore=false"));
        await using (app)
        using (client)
        {
            Assert.Equal(0, (await StatsAsync(client, AcmeApiKey)).GetProperty("events").GetInt64());
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Stats_need_an_api_key_of_the_environment()
    {
        var (app, client) = await StartAsync(Args("--GraphReports:Demo:LoadOnEmptyStore=false"));
        await using (app)
        using (client)
        {
            var missing = await client.GetAsync("/v1/stats");
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", Assert.Single(missing.Headers.WwwAuthenticate).ToString());
            var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.Equal("unauthorized", problem.GetProperty("error").GetString());
            Assert.StartsWith("Missing credentials", problem.GetProperty("detail").GetString());
            var unknown = await StatsAsync(client, "guess", HttpStatusCode.Unauthorized);
            Assert.StartsWith("Unknown key", unknown.GetProperty("detail").GetString());
            var ingest = await StatsAsync(client, AcmeIngestKey, HttpStatusCode.Forbidden);
            Assert.Equal(403, ingest.GetProperty("status").GetInt32());
            Assert.Equal("This key sends events; reading needs an api key.", ingest.GetProperty("detail").GetString());
            await app.StopAsync();
        }
    }
}
