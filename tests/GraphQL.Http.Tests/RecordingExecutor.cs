using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Http.Tests;

/// <summary>
/// Stands in for the engine at the <see cref="IRequestExecutor"/> seam so that these tests pin down the
/// adapter alone: it keeps the request the adapter built and answers with the result a test chose.
/// </summary>
internal sealed class RecordingExecutor : IRequestExecutor
{
    public static readonly ExecutionResult Hello = new(
        RequestOutcome.Executed, new Dictionary<string, object?> { ["hello"] = "world" }, []);

    public ExecutionResult Result { get; set; } = Hello;

    public GraphQLRequest? LastRequest { get; private set; }

    public int Calls { get; private set; }

    public Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        LastRequest = request;
        Calls++;
        return Task.FromResult(Result);
    }

    public static ExecutionResult RequestError(RequestOutcome outcome, string message) =>
        new(outcome, null, [new GraphQLError(message, [new SourceLocation(1, 2)])]);
}
