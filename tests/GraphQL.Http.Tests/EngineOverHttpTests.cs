using System.Net;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Http.Tests;

/// <summary>The adapter in front of the real engine: the outcomes the engine reports become the right answers.</summary>
public sealed class EngineOverHttpTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private static GraphQLSchema Schema() => new SchemaBuilder()
        .Query("Query", q => q
            .Field("hello", "String!", f => f
                .Argument("name", "String", a => a.DefaultValue("world"))
                .Resolve(c => $"Hello, {c.Arguments["name"]}!"))
            .Field("broken", "String", f => f.Resolve(_ => throw new InvalidOperationException("secret detail"))))
        .Mutation("Mutation", m => m
            .Field("touch", "Int!", f => f.Resolve(_ => 1)))
        .Build();

    [Fact]
    public async Task Query_runs_over_post_and_get()
    {
        await using var server = await GraphQLTestServer.StartAsync(Schema());

        var post = await server.PostJsonAsync("""{"query":"query Q($n: String) { hello(name: $n) }","variables":{"n":"Ada"}}""", GraphQLResponse);
        var get = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ hello }"), GraphQLResponse);

        post.HasStatus(HttpStatusCode.OK);
        Assert.Equal("""{"data":{"hello":"Hello, Ada!"}}""", await post.Content.ReadAsStringAsync());
        get.HasStatus(HttpStatusCode.OK);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mutation_runs_over_post_but_over_get_answers_405_allowing_post()
    {
        await using var server = await GraphQLTestServer.StartAsync(Schema());

        var post = await server.PostJsonAsync("""{"query":"mutation { touch }"}""");
        var get = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { touch }"), GraphQLResponse);

        Assert.Equal("""{"data":{"touch":1}}""", await post.Content.ReadAsStringAsync());
        get.HasStatus(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST"], get.Content.Headers.Allow);
        Assert.False((await get.JsonAsync()).TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("""{"query":"{"}""", GraphQLResponse, HttpStatusCode.BadRequest, "Syntax Error")]
    [InlineData("""{"query":"{"}""", "application/json", HttpStatusCode.OK, "Syntax Error")]
    [InlineData("""{"query":"{ nope }"}""", GraphQLResponse, HttpStatusCode.BadRequest, "Cannot query field \"nope\" on type \"Query\".")]
    [InlineData("""{"query":"{ nope }"}""", "application/json", HttpStatusCode.OK, "Cannot query field \"nope\" on type \"Query\".")]
    [InlineData("""{"query":"query ($n: String!) { hello(name: $n) }","variables":{"n":null}}""", GraphQLResponse, HttpStatusCode.BadRequest, "Variable \"$n\" of non-null type \"String!\" must not be null.")]
    [InlineData("""{"query":"query ($n: String!) { hello(name: $n) }","variables":{"n":null}}""", "application/json", HttpStatusCode.OK, "Variable \"$n\" of non-null type \"String!\" must not be null.")]
    [InlineData("""{"query":"query A { hello } query B { hello }","operationName":"C"}""", GraphQLResponse, HttpStatusCode.BadRequest, "Unknown operation named \"C\".")]
    public async Task Request_errors_of_the_engine_answer_by_media_type_without_data(string body, string accept, HttpStatusCode status, string messageStart)
    {
        await using var server = await GraphQLTestServer.StartAsync(Schema());

        var response = await server.PostJsonAsync(body, accept);

        response.HasStatus(status);
        Assert.Equal(accept, response.MediaType());
        Assert.False((await response.JsonAsync()).TryGetProperty("data", out _));
        Assert.StartsWith(messageStart, await response.FirstErrorMessageAsync());
    }

    [Fact]
    public async Task Resolver_failure_is_a_field_error_with_200_data_and_path()
    {
        await using var server = await GraphQLTestServer.StartAsync(Schema());

        var response = await server.PostJsonAsync("""{"query":"{ hello broken }"}""", GraphQLResponse);

        response.HasStatus(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        Assert.Equal("Hello, world!", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").GetProperty("broken").ValueKind);
        Assert.Equal("broken", body.GetProperty("errors")[0].GetProperty("path")[0].GetString());
        Assert.DoesNotContain("secret detail", body.GetRawText());
    }

    [Fact]
    public async Task Schema_definition_is_the_engine_printers_output()
    {
        var schema = Schema();
        await using var server = await GraphQLTestServer.StartAsync(schema);

        var sdl = await (await server.GetAsync("/graphql/schema.graphql")).Content.ReadAsStringAsync();

        Assert.Equal(SchemaPrinter.Print(schema), sdl);
        Assert.Contains("type Mutation {\n  touch: Int!\n}", sdl);
    }
}
