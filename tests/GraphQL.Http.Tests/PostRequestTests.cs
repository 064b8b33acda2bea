using System.Net;
using System.Text;

namespace GraphReports.GraphQL.Http.Tests;

public sealed class PostRequestTests
{
    [Fact]
    public async Task Json_body_reaches_the_engine_with_query_operation_name_variables_and_extensions()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync(
            """{"query":"query Q($n: Int) { hello }","operationName":"Q","variables":{"n":3},"extensions":{"trace":true}}""");

        response.HasStatus(HttpStatusCode.OK);
        var request = engine.LastRequest!;
        Assert.Equal("query Q($n: Int) { hello }", request.Query);
        Assert.Equal("Q", request.OperationName);
        Assert.Equal(3, request.Variables!.Value.GetProperty("n").GetInt32());
        Assert.True(request.Extensions!.Value.GetProperty("trace").GetBoolean());
        Assert.False(request.QueriesOnly);
        Assert.NotNull(request.Services);
        Assert.Equal("world", (await response.JsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("operationName")]
    [InlineData("variables")]
    [InlineData("extensions")]
    public async Task Null_optional_parameter_is_accepted_as_absent(string parameter)
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync($$"""{"query":"{ hello }","{{parameter}}":null}""");

        response.HasStatus(HttpStatusCode.OK);
        Assert.Null(engine.LastRequest!.OperationName);
        Assert.Null(engine.LastRequest.Variables);
        Assert.Null(engine.LastRequest.Extensions);
    }

    [Fact]
    public async Task Non_ascii_text_in_the_document_arrives_intact()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("""{"query":"{ __type(name: \"Run🏃Swim🏊\") { name } }"}""", contentType: "application/json; charset=utf-8");

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal("{ __type(name: \"Run🏃Swim🏊\") { name } }", engine.LastRequest!.Query);
    }

    [Fact]
    public async Task Non_ascii_text_in_the_response_is_written_as_utf8_not_escaped()
    {
        var engine = new RecordingExecutor
        {
            Result = new(Execution.RequestOutcome.Executed, new Dictionary<string, object?> { ["hello"] = "Café ☕ +02:00 <b>" }, []),
        };
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("""{"query":"{ hello }"}""");

        Assert.Equal("""{"data":{"hello":"Café ☕ +02:00 <b>"}}""", System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Body_starting_with_a_utf8_byte_order_mark_is_read()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("\uFEFF{\"query\":\"{ hello }\"}");

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal("{ hello }", engine.LastRequest!.Query);
    }

    [Theory]
    [InlineData("", "The request body is empty: expected a JSON object with a 'query' string.")]
    [InlineData("{ \"not a JSON", "The request body is not valid JSON")]
    [InlineData("[]", "The request body must be a JSON object with a 'query' string.")]
    [InlineData("{\"notquery\":\"{ hello }\"}", "The 'query' parameter is required: a GraphQL document as a string.")]
    [InlineData("{\"query\":{\"obj\":\"ect\"}}", "The 'query' parameter must be a string, not an object.")]
    [InlineData("{\"query\":0}", "The 'query' parameter must be a string, not a number.")]
    [InlineData("{\"query\":false}", "The 'query' parameter must be a string, not a boolean.")]
    [InlineData("{\"query\":[\"array\"]}", "The 'query' parameter must be a string, not an array.")]
    [InlineData("{\"query\":null}", "The 'query' parameter is required: a GraphQL document as a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":0}", "The 'operationName' parameter must be a string or null, not a number.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":\"string\"}", "The 'variables' parameter must be an object or null, not a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":[\"array\"]}", "The 'variables' parameter must be an object or null, not an array.")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":false}", "The 'extensions' parameter must be an object or null, not a boolean.")]
    [InlineData("{\"query\":\"{ hello }\"} {}", "The request body is not")]
    public async Task Malformed_body_answers_400_with_a_message_and_never_reaches_the_engine(string body, string messageStart)
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        foreach (var accept in new[] { "application/json", "application/graphql-response+json" })
        {
            var response = await server.PostJsonAsync(body, accept);

            response.HasStatus(HttpStatusCode.BadRequest);
            Assert.Equal(accept, response.MediaType());
            Assert.StartsWith(messageStart, await response.FirstErrorMessageAsync());
        }
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Invalid_utf8_in_the_body_answers_400()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());
        var content = new ByteArrayContent([.. "{\"query\":\"{ "u8, 0xC3, 0x28, .. " }\"}"u8]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        var response = await server.Client.PostAsync("/graphql", content);

        response.HasStatus(HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", await response.FirstErrorMessageAsync());
    }

    [Theory]
    [InlineData(null, "The Content-Type header is missing: a POST body must be application/json.")]
    [InlineData("text/plain", "The Content-Type 'text/plain' is not supported: a POST body must be application/json.")]
    [InlineData("application/graphql", "The Content-Type 'application/graphql' is not supported: a POST body must be application/json.")]
    [InlineData("application/json; charset=iso-8859-1", "The charset 'iso-8859-1' is not supported: a request body must be UTF-8.")]
    public async Task Unsupported_content_type_answers_415(string? contentType, string message)
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"query\":\"{ hello }\"}"));
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await server.Client.PostAsync("/graphql", content);

        response.HasStatus(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(message, await response.FirstErrorMessageAsync());
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Body_over_the_size_limit_answers_413()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine, configure: o => o.MaxRequestBodySize = 100);
        var body = "{\"query\":\"{ hello " + new string(' ', 200) + "}\"}";

        var response = await server.PostJsonAsync(body);

        response.HasStatus(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is larger than the limit of 100 bytes.", await response.FirstErrorMessageAsync());
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Chunked_body_over_the_size_limit_answers_413_without_a_content_length()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine, configure: o => o.MaxRequestBodySize = 100);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"query\":\"{ hello " + new string(' ', 5000) + "}\"}")));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        message.Headers.TransferEncodingChunked = true;

        var response = await server.Client.SendAsync(message);

        response.HasStatus(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Body_exactly_at_the_size_limit_is_accepted()
    {
        var body = "{\"query\":\"{ hello }\"}";
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine, configure: o => o.MaxRequestBodySize = body.Length);

        var response = await server.PostJsonAsync(body);

        response.HasStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_answer_405_with_the_allowed_ones(string method)
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());

        var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql"));

        response.HasStatus(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
        Assert.Equal($"The method {method} is not allowed here; use GET, POST.", await response.FirstErrorMessageAsync());
    }
}
