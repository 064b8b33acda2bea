using GraphReports.GraphQL.Errors;

namespace GraphReports.GraphQL.Execution;

/// <summary>How far a request got: transports choose status codes from this (GraphQL over HTTP).</summary>
public enum RequestOutcome
{
    /// <summary>Execution started; <c>data</c> is present (possibly null) and errors are field errors.</summary>
    Executed = 0,
    /// <summary>The document did not parse.</summary>
    ParseFailed = 1,
    /// <summary>The document failed validation (including cost and depth limits).</summary>
    ValidationFailed = 2,
    /// <summary>Variables or the operation selection could not be coerced / resolved.</summary>
    CoercionFailed = 3,
    /// <summary>A GET (queries-only) request asked for a mutation; transports answer 405.</summary>
    OperationNotAllowed = 4,
}

/// <summary>
/// The response of one request. When <see cref="Outcome"/> is not <see cref="RequestOutcome.Executed"/>
/// there is no <c>data</c> entry at all (not even null), as the specification requires for request errors.
/// <see cref="Data"/> keeps field order: objects are <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// with insertion order preserved, lists are <see cref="IReadOnlyList{T}"/>, leaves are serializable values.
/// </summary>
public sealed record ExecutionResult(
    RequestOutcome Outcome,
    IReadOnlyDictionary<string, object?>? Data,
    IReadOnlyList<GraphQLError> Errors,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public bool HasData => Outcome == RequestOutcome.Executed;

    /// <summary>
    /// The whole response already written as JSON (<see cref="ExecutionResultJsonWriter.ResponseOptions"/>), for a
    /// response that is reused rather than executed again: writers copy these bytes instead of <see cref="Data"/>.
    /// </summary>
    public ReadOnlyMemory<byte>? Serialized { get; init; }
}
