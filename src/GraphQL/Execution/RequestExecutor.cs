using System.Text.Json;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution.Cost;
using GraphReports.GraphQL.Introspection;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Validation;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// The request pipeline of one schema: parse (through the document cache), validate (the specification's rules,
/// the introspection switch and the depth / field / alias limits; cached with the document), select the
/// operation, coerce variables, check the static cost, then execute under the request timeout.
/// Request extensions <c>{"cost": true}</c> ask for the cost in the response's <c>extensions.cost</c>.
/// </summary>
public sealed class RequestExecutor : IRequestExecutor
{
    private readonly DocumentCache _cache;

    public RequestExecutor(GraphQLSchema schema, RequestExecutorOptions? options = null, object? rootValue = null)
    {
        Schema = schema;
        Options = options ?? new RequestExecutorOptions();
        RootValue = rootValue;
        _cache = new DocumentCache(Options.DocumentCacheSize, Options.DocumentCacheBytes);
    }

    public GraphQLSchema Schema { get; }

    public RequestExecutorOptions Options { get; }

    /// <summary>The source value of root fields.</summary>
    public object? RootValue { get; }

    /// <summary>Documents currently cached.</summary>
    public int CachedDocuments => _cache.Count;

    /// <summary>Estimated bytes the cached documents hold (see <see cref="RequestExecutorOptions.DocumentCacheBytes"/>).</summary>
    public long CachedDocumentBytes => _cache.Bytes;

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Query))
        {
            return Failure(RequestOutcome.ParseFailed, new GraphQLError("Must provide query string."));
        }

        var cached = _cache.GetOrAdd(request.Query, Parse);
        if (cached.ParseError is { } parseError)
        {
            return Failure(RequestOutcome.ParseFailed, parseError);
        }

        var document = cached.Document!;
        var validationErrors = cached.ValidationErrors ??= Validate(document);
        if (validationErrors.Count > 0)
        {
            return new ExecutionResult(RequestOutcome.ValidationFailed, null, validationErrors);
        }

        OperationDefinitionNode operation;
        try
        {
            operation = OperationSelector.Select(document, request.OperationName);
        }
        catch (GraphQLError error)
        {
            return Failure(RequestOutcome.CoercionFailed, error);
        }

        if (request.QueriesOnly && operation.Operation != OperationType.Query)
        {
            return Failure(
                RequestOutcome.OperationNotAllowed,
                new GraphQLError($"Can only perform a {operation.Operation.Keyword()} operation from a POST request."));
        }

        var (variables, variableErrors) = VariableValues.Coerce(Schema, operation, request.Variables);
        if (variableErrors.Count > 0)
        {
            return new ExecutionResult(RequestOutcome.CoercionFailed, null, variableErrors);
        }

        var cost = CostAnalyzer.Compute(Schema, operation, cached.Fragments, variables, Options);
        if (cost > Options.MaxCost)
        {
            return Failure(RequestOutcome.ValidationFailed, CostAnalyzer.OverBudget(operation, cost, Options.MaxCost));
        }

        var extensions = WantsCost(request.Extensions)
            ? new Dictionary<string, object?> { ["cost"] = new OrderedDictionary<string, object?> { ["estimated"] = cost, ["maximum"] = Options.MaxCost } }
            : null;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        var context = new RequestContext(Schema, operation, cached.Fragments, variables, Options, request.Services, timeout.Token);
        try
        {
            var data = await Executor.ExecuteAsync(context, RootValue).WaitAsync(timeout.Token).ConfigureAwait(false);
            return new ExecutionResult(RequestOutcome.Executed, data, context.Errors, extensions);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            var error = new GraphQLError(
                $"The request exceeded the timeout of {Options.Timeout.TotalSeconds:0.###} seconds.",
                extensions: new Dictionary<string, object?> { ["code"] = "REQUEST_TIMEOUT" });
            return new ExecutionResult(RequestOutcome.Executed, null, [.. context.Errors, error], extensions);
        }
        catch (GraphQLError error)
        {
            return new ExecutionResult(RequestOutcome.Executed, null, [.. context.Errors, error], extensions);
        }
    }

    private static ExecutionResult Failure(RequestOutcome outcome, GraphQLError error) => new(outcome, null, [error]);

    private static CachedDocument Parse(string query)
    {
        try
        {
            return new CachedDocument(Parser.Parse(query), null);
        }
        catch (GraphQLError error)
        {
            return new CachedDocument(null, error);
        }
    }

    private List<GraphQLError> Validate(DocumentNode document)
    {
        var errors = new List<GraphQLError>(DocumentValidator.Validate(Schema, document, maxErrors: Options.MaxValidationErrors));
        if (!Options.EnableIntrospection)
        {
            errors.AddRange(IntrospectionGuard.Check(document));
        }

        if (errors.Count == 0)
        {
            errors.AddRange(OperationLimits.Check(document, Options));
        }

        return errors;
    }

    private static bool WantsCost(JsonElement? extensions) =>
        extensions is { ValueKind: JsonValueKind.Object } element
        && element.TryGetProperty("cost", out var cost)
        && cost.ValueKind == JsonValueKind.True;
}
