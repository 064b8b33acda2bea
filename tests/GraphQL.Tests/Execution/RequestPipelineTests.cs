using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>The steps before execution: parsing (cached), validation, operation selection, transport rules.</summary>
public sealed class RequestPipelineTests
{
    private static readonly GraphQLSchema Schema = new SchemaBuilder()
        .Query("Query", q => q.Field("a", "Int", f => f.Resolve(_ => 1)).Field("b", "Int", f => f.Resolve(_ => 2)))
        .Mutation("Mutation", m => m.Field("touch", "Int", f => f.Resolve(_ => 3)))
        .Build();

    [Fact]
    public async Task Syntax_error_is_a_parse_failure_without_data()
    {
        var result = await Run.ResultAsync(new RequestExecutor(Schema), "{ a ");

        Assert.Equal(RequestOutcome.ParseFailed, result.Outcome);
        Assert.False(result.HasData);
        Assert.StartsWith("Syntax Error:", Assert.Single(result.Errors).Message);
        Assert.DoesNotContain("\"data\"", ExecutionResultJsonWriter.ToJson(result));
    }

    [Fact]
    public async Task Missing_query_is_refused()
    {
        var result = await Run.ResultAsync(new RequestExecutor(Schema), "");

        Assert.Equal("Must provide query string.", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("query A { a } query B { b }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query A { a }", "C", "Unknown operation named \"C\".")]
    public async Task Operation_selection_errors(string query, string? operationName, string message)
    {
        var result = await Run.ResultAsync(new RequestExecutor(Schema), query, operationName: operationName);

        Assert.Equal(RequestOutcome.CoercionFailed, result.Outcome);
        Assert.Equal(message, Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Operation_name_picks_one_of_several_operations()
    {
        var result = await Run.ResultAsync(new RequestExecutor(Schema), "query A { a } query B { b }", operationName: "B");

        Assert.Equal("""{"data":{"b":2}}""", ExecutionResultJsonWriter.ToJson(result));
    }

    [Fact]
    public async Task Queries_only_transport_refuses_mutations()
    {
        var executor = new RequestExecutor(Schema);

        var result = await executor.ExecuteAsync(Run.Request("mutation { touch }") with { QueriesOnly = true });

        Assert.Equal(RequestOutcome.OperationNotAllowed, result.Outcome);
        Assert.Equal("Can only perform a mutation operation from a POST request.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Repeated_query_text_is_parsed_once_and_cache_is_bounded()
    {
        var executor = new RequestExecutor(Schema, new RequestExecutorOptions { DocumentCacheSize = 2 });

        await Run.ResultAsync(executor, "{ a }");
        await Run.ResultAsync(executor, "{ a }");
        Assert.Equal(1, executor.CachedDocuments);
        await Run.ResultAsync(executor, "{ b }");
        await Run.ResultAsync(executor, "{ a b }");

        Assert.Equal(2, executor.CachedDocuments);
    }

    [Fact]
    public async Task Document_cache_is_bounded_by_bytes_and_never_keeps_a_document_heavier_than_a_quarter_of_it()
    {
        // Texts padded with spaces to 50 characters weigh 600 bytes each: four fill a budget of 2,400.
        var executor = new RequestExecutor(Schema, new RequestExecutorOptions { DocumentCacheBytes = 2_400 });
        string Padded(string q) => q + new string(' ', 50 - q.Length);

        foreach (var q in new[] { "{ a }", "{ b }", "{ a b }", "{ b a }" }) await Run.ResultAsync(executor, Padded(q));
        Assert.Equal(4, executor.CachedDocuments);
        Assert.Equal(2_400, executor.CachedDocumentBytes);
        await Run.ResultAsync(executor, Padded("{ a a }"));
        Assert.Equal(4, executor.CachedDocuments); // the oldest went: 3,000 bytes would pass the budget
        Assert.Equal(2_400, executor.CachedDocumentBytes);

        await Run.ResultAsync(executor, "{ a }" + new string(' ', 1_000)); // 12,060 bytes > 2,400 / 4
        Assert.Equal(4, executor.CachedDocuments);
        Assert.Equal(2_400, executor.CachedDocumentBytes);
    }

    [Fact]
    public async Task Cached_invalid_document_keeps_failing_validation()
    {
        var executor = new RequestExecutor(Schema);

        var first = await Run.ResultAsync(executor, "{ nope }");
        var second = await Run.ResultAsync(executor, "{ nope }");

        Assert.Equal(RequestOutcome.ValidationFailed, second.Outcome);
        Assert.Equal(first.Errors.Select(e => e.Message), second.Errors.Select(e => e.Message));
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", second.Errors[0].Message);
    }

    [Fact]
    public async Task Result_json_puts_errors_first_and_keeps_field_order()
    {
        var schema = SchemaBuilder.FromSdl("type Query { z: Int y: Int }", new Dictionary<string, FieldResolver> { ["Query.y"] = _ => throw new Errors.GraphQLError("no") });

        var result = await Run.ResultAsync(new RequestExecutor(schema), "{ z y }");

        Assert.Equal(
            """{"errors":[{"message":"no","locations":[{"line":1,"column":5}],"path":["y"]}],"data":{"z":null,"y":null}}""",
            ExecutionResultJsonWriter.ToJson(result));
    }
}
