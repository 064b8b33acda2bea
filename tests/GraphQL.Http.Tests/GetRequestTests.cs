using System.Net;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Http.Tests;

public sealed class GetRequestTests
{
    [Fact]
    public async Task Url_parameters_reach_the_engine_as_a_queries_only_request()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.GetAsync(
            "/graphql?query=" + Uri.EscapeDataString("query Q($n: Int) { hello }") + "&operationName=Q"
            + "&variables=" + Uri.EscapeDataString("{\"n\":3}") + "&extensions=" + Uri.EscapeDataString("{\"a\":\"b\"}"));

        response.HasStatus(HttpStatusCode.OK);
        var request = engine.LastRequest!;
        Assert.Equal("query Q($n: Int) { hello }", request.Query);
        Assert.Equal("Q", request.OperationName);
        Assert.Equal(3, request.Variables!.Value.GetProperty("n").GetInt32());
        Assert.Equal("b", request.Extensions!.Value.GetProperty("a").GetString());
        Assert.True(request.QueriesOnly);
    }

    [Fact]
    public async Task Mutation_over_get_answers_405_allowing_only_post()
    {
        var engine = new RecordingExecutor
        {
            Result = RecordingExecutor.RequestError(RequestOutcome.OperationNotAllowed, "Only query operations can be sent with GET; use POST for a mutation."),
        };
        await using var server = await GraphQLTestServer.StartAsync(engine);

        foreach (var accept in new[] { "application/json", "application/graphql-response+json" })
        {
            var response = await server.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { hello }"), accept);

            response.HasStatus(HttpStatusCode.MethodNotAllowed);
            Assert.Equal(["POST"], response.Content.Headers.Allow);
            var body = await response.JsonAsync();
            Assert.False(body.TryGetProperty("data", out _));
            Assert.Equal("Only query operations can be sent with GET; use POST for a mutation.", await response.FirstErrorMessageAsync());
        }
    }

    [Theory]
    [InlineData("&variables=%7Bnot", "The 'variables' parameter is not valid JSON")]
    [InlineData("&variables=%5B1%5D", "The 'variables' parameter must be a JSON object, not array.")]
    [InlineData("&extensions=%22text%22", "The 'extensions' parameter must be a JSON object, not string.")]
    [InlineData("&query=%7B%20x%20%7D", "The 'query' parameter is given more than once.")]
    public async Task Malformed_url_parameters_answer_400(string extra, string messageStart)
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.GetAsync("/graphql?query=%7B%20hello%20%7D" + extra);

        response.HasStatus(HttpStatusCode.BadRequest);
        Assert.StartsWith(messageStart, await response.FirstErrorMessageAsync());
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Get_without_query_from_a_non_browser_answers_400()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());

        var response = await server.GetAsync("/graphql", "application/json");

        response.HasStatus(HttpStatusCode.BadRequest);
        Assert.Equal("The 'query' parameter is required: a GraphQL document as text.", await response.FirstErrorMessageAsync());
    }

    [Fact]
    public async Task Get_is_refused_with_405_when_disabled()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine, configure: o => o.EnableGetRequests = false);

        var response = await server.GetAsync("/graphql?query=%7B%20hello%20%7D");

        response.HasStatus(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(0, engine.Calls);
    }
}
