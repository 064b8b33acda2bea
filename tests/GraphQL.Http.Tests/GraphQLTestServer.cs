using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphReports.GraphQL.Http.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) with one endpoint mapped at /graphql; disposed by the
/// test that started it. Redirects are not followed so that tests see the 301 itself.
/// </summary>
internal sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public static Task<GraphQLTestServer> StartAsync(
        IRequestExecutor executor, string? sdl = "type Query {\n  hello: String\n}\n", Action<GraphQLHttpOptions>? configure = null) =>
        StartAsync(app => app.MapGraphQL("/graphql", executor, sdl is null ? null : () => sdl, configure));

    /// <summary>Serves a real schema through the engine's <see cref="RequestExecutor"/>.</summary>
    public static Task<GraphQLTestServer> StartAsync(Types.GraphQLSchema schema) =>
        StartAsync(app => app.MapGraphQL("/graphql", schema));

    private static async Task<GraphQLTestServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GraphQLTestServer(app, new Uri(address));
    }

    public Task<HttpResponseMessage> PostJsonAsync(string json, string? accept = null, string contentType = "application/json")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)),
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (accept is not null)
            message.Headers.TryAddWithoutValidation("Accept", accept);
        return Client.SendAsync(message);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accept = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
            message.Headers.TryAddWithoutValidation("Accept", accept);
        return Client.SendAsync(message);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Reads a response the way the tests check it.</summary>
internal static class ResponseAssertions
{
    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static string? Charset(this HttpResponseMessage response) => response.Content.Headers.ContentType?.CharSet;

    public static async Task<System.Text.Json.JsonElement> JsonAsync(this HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;

    public static async Task<string> FirstErrorMessageAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString()!;

    public static void HasStatus(this HttpResponseMessage response, HttpStatusCode expected) =>
        Assert.Equal(expected, response.StatusCode);

    public static MediaTypeHeaderValue Accept(string value) => MediaTypeHeaderValue.Parse(value);
}
