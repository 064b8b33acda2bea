using System.Text.Json;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Api.Reports;
using GraphReports.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// The report schema over a real SQLite store, executed in process with the services an HTTP request
/// would give it: two environments (ACME in Europe/Berlin, Globex in America/New_York), their API
/// keys, an ingest key, a clock the test sets, and a counting decorator around the store.
/// </summary>
public sealed class ReportTestHost : IDisposable
{
    public const string AcmeKey = "test-api-key-acme";
    public const string GlobexKey = "test-api-key-globex";
    public const string AcmeIngestKey = "test-ingest-key-acme";
    public const string AcmeSiteKey = "test-site-key-acme", GlobexSiteKey = "test-site-key-globex";

    private readonly ServiceProvider _services;

    /// <param name="now">The instant the reports are asked at.</param>
    /// <param name="decorate">Wraps the real store (between it and the counting decorator), to observe what reaches it.</param>
    public ReportTestHost(DateTimeOffset now, Func<IReportStore, IReportStore>? decorate = null)
    {
        Clock = new TestClock(now);
        var options = new GraphReportsOptions();
        options.Environments["acme"] = new EnvironmentOptions
        {
            Name = "ACME Corporation", TimeZone = "Europe/Berlin",
            ApiKeyHashes = [KeyHasher.Hash(AcmeKey)], IngestKeyHashes = [KeyHasher.Hash(AcmeIngestKey)],
            SiteKeys = [new SiteKeyOptions { Key = AcmeSiteKey, Name = "ACME shop", AllowedOrigins = ["https://shop.acme.example", "https://www.acme.example"] }],
        };
        options.Environments["globex"] = new EnvironmentOptions
        {
            Name = "Globex", TimeZone = "America/New_York", ApiKeyHashes = [KeyHasher.Hash(GlobexKey)],
            SiteKeys = [new SiteKeyOptions { Key = GlobexSiteKey, AllowedOrigins = ["https://globex.example"], EventTypes = ["asset.impression"] }],
        };
        Directory = new CredentialDirectory(options);
        Database = new ReportTestDatabase(id => Directory.Find(id)!.TimeZone);
        Store = new CountingReportStore(decorate is null ? Database.Store : decorate(Database.Store));

        var services = new ServiceCollection();
        services.AddSingleton(Directory);
        services.AddSingleton<IReportStore>(Store);
        services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
        services.AddScoped<ReportCaller>();
        _services = services.BuildServiceProvider();
        Executor = new RequestExecutor(ReportsApi.CreateSchema(Clock));
    }

    public TestClock Clock { get; }

    public CredentialDirectory Directory { get; }

    public ReportTestDatabase Database { get; }

    public CountingReportStore Store { get; }

    public RequestExecutor Executor { get; }

    public void Write(string environmentId, params ActivityEvent[] events) => Database.Write(environmentId, events);

    /// <summary>Runs <paramref name="query"/> as the holder of <paramref name="key"/> (null: no Authorization header).</summary>
    public async Task<ExecutionResult> ExecuteAsync(string? key, string query, object? variables = null)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ReportCaller>().UseAuthorizationHeader(key is null ? null : "Bearer " + key);
        var request = new GraphQLRequest(query, Variables: variables is null ? null : JsonSerializer.SerializeToElement(variables))
        {
            Services = scope.ServiceProvider,
        };
        return await Executor.ExecuteAsync(request);
    }

    /// <summary>Runs a whole request (extensions, operation name) as the caller with <paramref name="key"/>.</summary>
    public async Task<ExecutionResult> ExecuteWithAsync(string? key, GraphQLRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ReportCaller>().UseAuthorizationHeader(key is null ? null : "Bearer " + key);
        return await Executor.ExecuteAsync(request with { Services = scope.ServiceProvider });
    }

    /// <summary>Runs the query and returns the response as JSON, as a client reads it.</summary>
    public async Task<JsonElement> QueryAsync(string? key, string query, object? variables = null) =>
        JsonDocument.Parse(ExecutionResultJsonWriter.ToJson(await ExecuteAsync(key, query, variables))).RootElement.Clone();

    /// <summary>Runs the query, asserts it has no error, and returns <c>data</c>.</summary>
    public async Task<JsonElement> DataAsync(string key, string query, object? variables = null)
    {
        var response = await QueryAsync(key, query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), "unexpected errors: " + (errors.ValueKind == JsonValueKind.Undefined ? "" : errors.ToString()));
        return response.GetProperty("data");
    }

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }
}

/// <summary>A real <see cref="TimeProvider"/> whose "now" the test chooses.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
