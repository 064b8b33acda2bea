using System.Net;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Http.Tests;

public sealed class StatusCodeTests
{
    [Theory]
    [InlineData(RequestOutcome.ParseFailed, "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData(RequestOutcome.ValidationFailed, "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData(RequestOutcome.CoercionFailed, "application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData(RequestOutcome.ParseFailed, "application/json", HttpStatusCode.OK)]
    [InlineData(RequestOutcome.ValidationFailed, "application/json", HttpStatusCode.OK)]
    [InlineData(RequestOutcome.CoercionFailed, "application/json", HttpStatusCode.OK)]
    public async Task Request_error_status_depends_on_the_media_type_and_the_body_has_no_data_entry(
        RequestOutcome outcome, string accept, HttpStatusCode expected)
    {
        var engine = new RecordingExecutor { Result = RecordingExecutor.RequestError(outcome, "Syntax Error: Expected Name, found <EOF>.") };
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("""{"query":"{"}""", accept);

        response.HasStatus(expected);
        Assert.Equal(accept, response.MediaType());
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out _));
        var error = body.GetProperty("errors")[0];
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(2, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task Field_errors_answer_200_with_data_errors_path_and_extensions(string accept)
    {
        var data = new Dictionary<string, object?>
        {
            ["hero"] = new Dictionary<string, object?> { ["name"] = "R2-D2", ["friends"] = new List<object?> { null, 2.5, true } },
            ["broken"] = null,
        };
        var error = new GraphQLError("Boom", [new SourceLocation(3, 5)], ["broken"],
            new Dictionary<string, object?> { ["code"] = "INTERNAL" });
        var engine = new RecordingExecutor
        {
            Result = new ExecutionResult(RequestOutcome.Executed, data, [error], new Dictionary<string, object?> { ["cost"] = 12 }),
        };
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("""{"query":"{ hero { name friends } broken }"}""", accept);

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal(
            """{"errors":[{"message":"Boom","locations":[{"line":3,"column":5}],"path":["broken"],"extensions":{"code":"INTERNAL"}}],"data":{"hero":{"name":"R2-D2","friends":[null,2.5,true]},"broken":null},"extensions":{"cost":12}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Null_data_of_an_executed_request_is_written_as_null_not_left_out()
    {
        var engine = new RecordingExecutor
        {
            Result = new ExecutionResult(RequestOutcome.Executed, null, [new GraphQLError("Cannot return null for non-nullable field Query.x.", path: ["x"])]),
        };
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.PostJsonAsync("""{"query":"{ x }"}""", "application/graphql-response+json");

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.x.","path":["x"]}],"data":null}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Engine_failure_answers_500_without_leaking_its_details()
    {
        await using var server = await GraphQLTestServer.StartAsync(new ThrowingExecutor());

        var response = await server.PostJsonAsync("""{"query":"{ hello }"}""");

        response.HasStatus(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"errors":[{"message":"The server failed to execute the request."}]}""", body);
    }

    private sealed class ThrowingExecutor : IRequestExecutor
    {
        public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("connection string Password=secret");
    }
}
