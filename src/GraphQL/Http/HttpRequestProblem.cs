using Microsoft.AspNetCore.Http;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// A request refused before it reached the engine (not GraphQL: HTTP). Answered with
/// <see cref="StatusCode"/> and a body <c>{"errors":[{"message": Message}]}</c>.
/// </summary>
internal sealed record HttpRequestProblem(int StatusCode, string Message)
{
    public static HttpRequestProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
