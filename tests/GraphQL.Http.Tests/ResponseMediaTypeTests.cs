using System.Net;

namespace GraphReports.GraphQL.Http.Tests;

public sealed class ResponseMediaTypeTests
{
    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0.1", "application/graphql-response+json")]
    [InlineData("text/html, application/json;q=0.9, */*;q=0.8", "application/json")]
    [InlineData("application/graphql-response+json; charset=utf-8", "application/graphql-response+json")]
    public async Task Accept_header_chooses_the_response_media_type(string? accept, string expected)
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());

        var response = await server.PostJsonAsync("""{"query":"{ hello }"}""", accept);

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal(expected, response.MediaType());
        Assert.Equal("utf-8", response.Charset());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json;q=0")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Nothing_acceptable_answers_406_without_running_the_request(string accept)
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("""{"query":"{ hello }"}""", accept);

        response.HasStatus(HttpStatusCode.NotAcceptable);
        Assert.Equal("The Accept header allows neither application/graphql-response+json nor application/json.", await response.FirstErrorMessageAsync());
        Assert.Equal(0, engine.Calls);
    }
}
