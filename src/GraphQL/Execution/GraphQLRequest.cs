using System.Text.Json;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// One GraphQL request as a transport received it. <see cref="Variables"/> stay JSON so that the
/// engine coerces them straight from the wire format, as the specification describes.
/// </summary>
public sealed record GraphQLRequest(
    string Query,
    string? OperationName = null,
    JsonElement? Variables = null,
    JsonElement? Extensions = null)
{
    /// <summary>Set by a transport that must refuse mutations (GET): only query operations then run.</summary>
    public bool QueriesOnly { get; init; }

    /// <summary>Services of the current HTTP request (credentials and the like) for resolvers; may be null.</summary>
    public IServiceProvider? Services { get; init; }
}
