using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>Static cost, depth, field and alias limits refuse an operation before any resolver runs.</summary>
public sealed class CostAndLimitsTests
{
    private static int _resolverCalls;

    private static readonly GraphQLSchema Schema = new SchemaBuilder()
        .Query("Query", q => q
            .Field("reports", "[Report]", f => f
                .Argument("limit", "Int")
                .Resolve(_ =>
                {
                    Interlocked.Increment(ref _resolverCalls);
                    return Array.Empty<object>();
                }))
            .Field("top", "[Report]", f => f.Argument("size", "Int").ListSize(5, "size").Resolve(_ => Array.Empty<object>()))
            .Field("expensive", "Int", f => f.Cost(50).Resolve(_ => 1))
            .Field("node", "Node", f => f.Resolve(_ => null)))
        .Object("Report", o => o.Field("title", "String").Field("rows", "[Report]", f => f.Argument("first", "Int")))
        .Object("Node", o => o.Field("child", "Node").Field("id", "Int"))
        .Build();

    private static async Task<ExecutionResult> Execute(string query, RequestExecutorOptions? options = null, object? variables = null, string? extensions = null) =>
        await new RequestExecutor(Schema, options).ExecuteAsync(Run.Request(query, variables, extensionsJson: extensions));

    [Theory]
    [InlineData("{ expensive }", 50)]
    [InlineData("{ reports { title } }", 1 + (10 * 1))]
    [InlineData("{ reports(limit: 3) { title } }", 1 + (3 * 1))]
    [InlineData("{ reports(limit: 3) { title rows(first: 4) { title } } }", 1 + (3 * (1 + 1 + (4 * 1))))]
    [InlineData("{ top { title } }", 1 + (5 * 1))]
    [InlineData("{ top(size: 2) { title } }", 1 + (2 * 1))]
    [InlineData("{ __typename __schema { types { fields { name } } } }", 0)]
    public async Task Cost_is_reported_in_extensions_when_asked(string query, long expected)
    {
        var result = await Execute(query, extensions: """{"cost": true}""");

        Assert.Equal(RequestOutcome.Executed, result.Outcome);
        var cost = (IReadOnlyDictionary<string, object?>)result.Extensions!["cost"]!;
        Assert.Equal(expected, cost["estimated"]);
        Assert.Equal(10_000, cost["maximum"]);
    }

    [Fact]
    public async Task Cost_is_not_reported_unless_asked()
    {
        var result = await Execute("{ expensive }");

        Assert.Null(result.Extensions);
    }

    [Fact]
    public async Task Size_argument_from_a_variable_counts()
    {
        var result = await Execute("query($n: Int) { reports(limit: $n) { title } }", new RequestExecutorOptions { MaxCost = 100 }, new { n = 500 });

        Assert.Equal(RequestOutcome.ValidationFailed, result.Outcome);
        Assert.Equal("The operation has a cost of 501, which exceeds the maximum cost of 100.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Over_budget_operation_is_refused_before_execution()
    {
        _resolverCalls = 0;

        var result = await Execute("{ reports(limit: 1000) { rows(first: 1000) { title } } }");

        Assert.Equal(RequestOutcome.ValidationFailed, result.Outcome);
        Assert.Equal("MAX_COST_EXCEEDED", result.Errors[0].Extensions!["code"]);
        Assert.Equal(0, _resolverCalls);
        Assert.False(result.HasData);
    }

    [Fact]
    public async Task Too_deep_operation_is_refused()
    {
        var query = "{ node { child { child { child { child { id } } } } } }";

        var result = await Execute(query, new RequestExecutorOptions { MaxDepth = 4 });

        Assert.Equal(RequestOutcome.ValidationFailed, result.Outcome);
        Assert.Equal("The anonymous operation has a depth of at least 5, which exceeds the maximum depth of 4.", Assert.Single(result.Errors).Message);
        Assert.Equal(RequestOutcome.Executed, (await Execute(query, new RequestExecutorOptions { MaxDepth = 6 })).Outcome);
    }

    [Fact]
    public async Task Too_many_fields_and_aliases_are_refused()
    {
        var fields = await Execute("query Many { a: expensive b: expensive c: expensive }", new RequestExecutorOptions { MaxFields = 2, MaxCost = 1000 });
        var aliases = await Execute("query Many { a: expensive b: expensive c: expensive }", new RequestExecutorOptions { MaxAliases = 2, MaxCost = 1000 });

        Assert.Equal("The operation \"Many\" selects at least 3 fields, which exceeds the maximum of 2.", Assert.Single(fields.Errors).Message);
        Assert.Equal("The operation \"Many\" uses at least 3 aliases, which exceeds the maximum of 2.", Assert.Single(aliases.Errors).Message);
    }

    [Fact]
    public async Task Fragments_count_where_they_are_spread()
    {
        var result = await Execute(
            "{ ...F ...F2 } fragment F on Query { node { ...N } } fragment F2 on Query { node { ...N } } fragment N on Node { child { child { id } } }",
            new RequestExecutorOptions { MaxDepth = 3 });

        Assert.Equal(RequestOutcome.ValidationFailed, result.Outcome);
    }
}
