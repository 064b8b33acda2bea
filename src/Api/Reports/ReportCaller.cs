using GraphReports.Analytics.Environments;
using GraphReports.GraphQL.Errors;
using Microsoft.AspNetCore.Http;

namespace GraphReports.Api.Reports;

/// <summary>
/// Who is asking, for one HTTP request: the environment that the request's API key opens. Every
/// report resolves its environment through <see cref="RequireEnvironment"/> and nothing else, so no
/// argument of any query can name another tenant. Scoped: one per HTTP request.
/// </summary>
public sealed class ReportCaller(CredentialDirectory directory, IHttpContextAccessor httpContextAccessor)
{
    private CredentialResolution? _resolution;

    /// <summary>
    /// Uses this key instead of the request's <c>Authorization</c> header (the CSV export's
    /// <c>?key=</c>, for tools that cannot send headers). Must be called before the first report resolves.
    /// </summary>
    public void UseKey(string key) => _resolution = directory.Resolve("Bearer " + key);

    /// <summary>Uses this <c>Authorization</c> header value (tests and transports without an HTTP context).</summary>
    public void UseAuthorizationHeader(string? value) => _resolution = directory.Resolve(value);

    /// <summary>How the credential of this request resolved.</summary>
    public CredentialResolution Resolution =>
        _resolution ??= directory.Resolve(httpContextAccessor.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null);

    /// <summary>The caller's environment, or a GraphQL error coded <c>UNAUTHENTICATED</c> / <c>FORBIDDEN</c>.</summary>
    public ProductEnvironment RequireEnvironment()
    {
        var resolution = Resolution;
        if (!resolution.IsResolved)
            throw ReportErrors.Create(ReportErrors.Unauthenticated, resolution.Error + " Reports need an API key of the environment.");
        if (resolution.Credential!.Kind != CredentialKind.Api)
            throw ReportErrors.Create(ReportErrors.Forbidden, "This key is an ingest key: it can send events but not read reports. Use an API key of the environment.");
        return resolution.Credential.Environment;
    }

    /// <summary>Like <see cref="RequireEnvironment"/>, for callers that answer with a status code rather than a GraphQL error.</summary>
    public bool TryGetEnvironment(out ProductEnvironment? environment, out GraphQLError? error)
    {
        try
        {
            environment = RequireEnvironment();
            error = null;
            return true;
        }
        catch (GraphQLError e)
        {
            environment = null;
            error = e;
            return false;
        }
    }
}
