using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Turns whatever a resolver or a completion step threw into a field error located at the field:
/// a <see cref="GraphQLError"/> or a user-facing exception keeps its message; anything else becomes
/// "Unexpected error." with an error id, so that no internal detail reaches the client.
/// </summary>
internal static class FieldErrors
{
    public const string UnexpectedMessage = "Unexpected error.";

    public static GraphQLError Locate(Exception exception, IReadOnlyList<FieldNode> nodes, ResponsePath path, RequestExecutorOptions options)
    {
        var locations = nodes.Where(n => n.Location is not null).Select(n => n.Location!.StartLocation).ToList();
        switch (exception)
        {
            case GraphQLError error:
                return new GraphQLError(error.Message, locations, path.ToList(), error.Extensions, error.InnerException ?? error);
            case var _ when IsUserFacing(exception, options):
                return new GraphQLError(exception.Message, locations, path.ToList(), innerException: exception);
            default:
                var errorId = Guid.NewGuid().ToString("N")[..12];
                options.OnUnexpectedError?.Invoke(exception, errorId);
                return new GraphQLError(
                    UnexpectedMessage,
                    locations,
                    path.ToList(),
                    new Dictionary<string, object?> { ["code"] = "INTERNAL_SERVER_ERROR", ["errorId"] = errorId },
                    exception);
        }
    }

    private static bool IsUserFacing(Exception exception, RequestExecutorOptions options)
    {
        foreach (var type in options.UserFacingExceptionTypes)
        {
            if (type.IsInstanceOfType(exception))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A null that must bubble to the nearest nullable parent; the error is already located.</summary>
internal sealed class NullPropagation(GraphQLError error) : Exception(error.Message)
{
    public GraphQLError Error { get; } = error;
}
