namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Runs a request through the whole pipeline (parse with the document cache, validate, analyse cost,
/// coerce variables, execute) against one schema. Transports (the Http folder, tests, benchmarks)
/// talk to the engine only through this.
/// </summary>
public interface IRequestExecutor
{
    Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default);
}
