using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>What a client learns when a resolver throws: never more than the engine allows.</summary>
public sealed class ResolverErrorTests
{
    private sealed class NotFoundException(string message) : Exception(message);

    private static GraphQLSchema Schema { get; } = new SchemaBuilder()
        .Query("Query", q => q
            .Field("crash", "String", f => f.Resolve(_ => throw new InvalidOperationException("connection string Server=db;Password=hunter2 failed")))
            .Field("asyncCrash", "String", f => f.ResolveAsync<string>(async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("stack details");
            }))
            .Field("notFound", "String", f => f.Resolve(_ => throw new NotFoundException("No report with id 42.")))
            .Field("coded", "String", f => f.Resolve(_ => throw new GraphQLError("Forbidden.", extensions: new Dictionary<string, object?> { ["code"] = "FORBIDDEN" })))
            .Field("badInt", "Int", f => f.Resolve(_ => 3.5)))
        .Build();

    [Fact]
    public async Task Unexpected_exception_reaches_the_client_as_unexpected_error_with_an_id()
    {
        var logged = new List<(Exception Exception, string Id)>();
        var options = new RequestExecutorOptions { OnUnexpectedError = (e, id) => logged.Add((e, id)) };

        var json = await Run.JsonAsync(Schema, "{ crash }", options: options);

        var error = json["errors"]![0]!;
        Assert.Equal("Unexpected error.", error["message"]!.GetValue<string>());
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", json.ToJsonString());
        var (exception, id) = Assert.Single(logged);
        Assert.Contains("hunter2", exception.Message);
        Assert.Equal(id, error["extensions"]!["errorId"]!.GetValue<string>());
        Run.AssertJsonEqual("""{"crash":null}""", json["data"]);
    }

    [Fact]
    public async Task Async_exception_is_hidden_the_same_way()
    {
        var json = await Run.JsonAsync(Schema, "{ asyncCrash }");

        Assert.Equal("Unexpected error.", json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("stack details", json.ToJsonString());
    }

    [Fact]
    public async Task Designated_user_facing_exception_keeps_its_message()
    {
        var options = new RequestExecutorOptions();
        options.UserFacingExceptionTypes.Add(typeof(NotFoundException));

        var json = await Run.JsonAsync(Schema, "{ notFound }", options: options);

        Assert.Equal("No report with id 42.", json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exception_not_designated_user_facing_is_hidden()
    {
        var json = await Run.JsonAsync(Schema, "{ notFound }");

        Assert.Equal("Unexpected error.", json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQLError_keeps_message_and_extensions_and_gains_path_and_location()
    {
        var json = await Run.JsonAsync(Schema, "query {\n  coded\n}");

        Run.AssertJsonEqual(
            """[{"message":"Forbidden.","locations":[{"line":2,"column":3}],"path":["coded"],"extensions":{"code":"FORBIDDEN"}}]""",
            json["errors"]);
    }

    [Fact]
    public async Task Value_the_scalar_cannot_represent_is_a_field_error()
    {
        var json = await Run.JsonAsync(Schema, "{ badInt }");

        Assert.Equal("Int cannot represent non-integer value: 3.5", json["errors"]![0]!["message"]!.GetValue<string>());
        Run.AssertJsonEqual("""{"badInt":null}""", json["data"]);
    }
}
