using System.Net;

namespace GraphReports.GraphQL.Http.Tests;

public sealed class SchemaDefinitionTests
{
    private const string Sdl = "\"\"\"Café ☕ schema\"\"\"\ntype Query {\n  hello: String\n}\n";

    [Theory]
    [InlineData("/graphql?sdl")]
    [InlineData("/graphql/schema.graphql")]
    public async Task Schema_definition_is_served_as_utf8_text(string url)
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor(), Sdl);

        var response = await server.GetAsync(url, "text/html,*/*");

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal("text/plain", response.MediaType());
        Assert.Equal("utf-8", response.Charset());
        Assert.Equal(Sdl, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Schema_definition_is_not_found_when_switched_off()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor(), Sdl, o => o.EnableSchemaDefinition = false);

        var response = await server.GetAsync("/graphql/schema.graphql");

        response.HasStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Schema_definition_refuses_post_with_405()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor(), Sdl);

        var response = await server.Client.PostAsync("/graphql/schema.graphql", new StringContent(""));

        response.HasStatus(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }
}
