using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Environments;
using Microsoft.AspNetCore.Builder;

namespace GraphReports.Api.Tests.EndToEnd;

/// <summary>
/// The Api as <c>dotnet run --project src/Api</c> starts it: on 127.0.0.1 (free port), over an empty
/// store file that it fills with demo data at first start. Shared by the end-to-end tests of a class
/// and stopped after them. Its clock starts at <see cref="Now"/>, mid-month, so the current month the
/// dashboard and the exports read holds two weeks of demo data whatever today is.
/// </summary>
public sealed class DemoApiFixture : IAsyncLifetime
{
    public const string AcmeKey = "e2e-api-key-acme", GlobexKey = "e2e-api-key-globex";

    /// <summary>The host's "now" when it starts: Wednesday 18 November 2026, 14:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 14, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphreports-e2e", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The store file the host fills.</summary>
    public string StorePath => Path.Combine(_folder, "store.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = ApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--GraphReports:Storage:Path={Path.Combine(_folder, "store.db")}",
            "--GraphReports:Demo:Events=9000",
            $"--GraphReports:Environments:acme:ApiKeyHashes:0={KeyHasher.Hash(AcmeKey)}",
            $"--GraphReports:Environments:globex:ApiKeyHashes:0={KeyHasher.Hash(GlobexKey)}",
        ], new RunningClock(Now));
        var addresses = await ApiHost.StartAsync(_app);
        Client = new HttpClient { BaseAddress = new Uri(addresses[0]) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>POSTs a GraphQL request with the bearer key and returns the response JSON.</summary>
    public async Task<JsonElement> GraphQLAsync(string key, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs a path with the bearer key (null: none).</summary>
    public async Task<(System.Net.HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
