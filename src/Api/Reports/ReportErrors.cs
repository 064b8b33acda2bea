using GraphReports.GraphQL.Errors;

namespace GraphReports.Api.Reports;

/// <summary>
/// The errors the report schema raises, each with a machine-readable <c>extensions.code</c> that
/// frontends can branch on and that the CSV export turns into an HTTP status.
/// </summary>
public static class ReportErrors
{
    /// <summary>No key, a malformed header, or a key no environment has.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A valid key that may not read reports (an ingest key).</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>An argument value the reports cannot answer (bad month, limit out of range...).</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>An asset or folder of which the environment has no event.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The store could not answer a query of the field (an Elasticsearch search refused, shards failed, a limit reached).</summary>
    public const string StoreQueryFailed = "STORE_QUERY_FAILED";

    public static GraphQLError Create(string code, string message) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static GraphQLError BadInput(string message) => Create(BadUserInput, message);

    /// <summary>The code of an error raised here, or null for any other error.</summary>
    public static string? CodeOf(GraphQLError error) =>
        error.Extensions is { } extensions && extensions.TryGetValue("code", out var code) ? code as string : null;
}
