using System.Net;
using GraphReports.Analytics.Environments;
using Microsoft.AspNetCore.Builder;

namespace GraphReports.Api.Tests.EndToEnd;

/// <summary>The opt-in <c>?key=</c> of the CSV export, for spreadsheets that cannot send headers.</summary>
public sealed class KeyInQueryTests : IAsyncLifetime
{
    private const string Key = "e2e-spreadsheet-key";
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
            "--GraphReports:Export:AllowKeyInQuery=true",
            $"--GraphReports:Environments:acme:ApiKeyHashes:0={KeyHasher.Hash(Key)}",
        ]);
        _client = new HttpClient { BaseAddress = new Uri((await ApiHost.StartAsync(_app))[0]) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task When_turned_on_a_key_in_the_URL_opens_the_export()
    {
        var response = await _client.GetAsync($"/export/search/searchesTrend.csv?key={Key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("month,value\r\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_key_in_the_URL_is_unauthorized()
    {
        var response = await _client.GetAsync("/export/search/searchesTrend.csv?key=wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task A_key_in_the_URL_never_opens_GraphQL()
    {
        var response = await _client.GetAsync($"/graphql?query=%7Benvironment%7Bid%7D%7D&key={Key}");
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync());
    }
}
