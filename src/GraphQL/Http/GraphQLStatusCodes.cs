using Microsoft.AspNetCore.Http;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// The status code of a GraphQL response, as the GraphQL-over-HTTP specification sets it: with
/// application/json every well-formed request answers 200 (the errors are in the body); with
/// application/graphql-response+json a request error (parse, validation, coercion) answers 400.
/// A mutation sent with GET answers 405 whatever the media type.
/// </summary>
internal static class GraphQLStatusCodes
{
    public static int For(RequestOutcome outcome, string responseMediaType) => outcome switch
    {
        RequestOutcome.OperationNotAllowed => StatusCodes.Status405MethodNotAllowed,
        RequestOutcome.Executed => StatusCodes.Status200OK,
        _ when responseMediaType == GraphQLMediaTypes.GraphQLResponseJson => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };
}
