using System.Text.Json;
using System.Text.Json.Nodes;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.TestSupport;

/// <summary>Runs documents through a <see cref="RequestExecutor"/> and gives the response as JSON.</summary>
public static class Run
{
    public static async Task<JsonNode> JsonAsync(GraphQLSchema schema, string query, object? variables = null, RequestExecutorOptions? options = null, string? operationName = null)
    {
        var result = await ResultAsync(new RequestExecutor(schema, options), query, variables, operationName);
        return JsonNode.Parse(ExecutionResultJsonWriter.ToJson(result))!;
    }

    public static Task<ExecutionResult> ResultAsync(IRequestExecutor executor, string query, object? variables = null, string? operationName = null, CancellationToken cancellationToken = default) =>
        executor.ExecuteAsync(Request(query, variables, operationName), cancellationToken);

    public static GraphQLRequest Request(string query, object? variables = null, string? operationName = null, string? extensionsJson = null) => new(
        query,
        operationName,
        variables switch
        {
            null => null,
            string json => JsonDocument.Parse(json).RootElement,
            JsonNode node => JsonDocument.Parse(node.ToJsonString()).RootElement,
            _ => JsonSerializer.SerializeToElement(variables),
        },
        extensionsJson is null ? null : JsonDocument.Parse(extensionsJson).RootElement);

    /// <summary>Asserts two JSON documents are equal, object key order included.</summary>
    public static void AssertJsonEqual(string expected, JsonNode? actual)
    {
        var normalizedExpected = JsonNode.Parse(expected)?.ToJsonString() ?? "null";
        Assert.Equal(normalizedExpected, actual?.ToJsonString() ?? "null");
    }
}
