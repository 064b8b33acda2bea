using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Sqlite;

namespace GraphReports.Api.Apis;

/// <summary><c>GET /health</c> and <c>GET /v1/stats</c> (event counts of the caller's environment).</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/v1/stats", GetStats);
        return app;
    }

    /// <summary>Event counts, in total and by type, of the environment of the bearer api key.</summary>
    public static IResult GetStats(HttpRequest request, CredentialDirectory credentials, SqliteEventStore store)
    {
        var resolution = credentials.Resolve(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null);
        if (!resolution.IsResolved)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(StatusCodes.Status401Unauthorized, "unauthorized", resolution.Error!);
        }
        if (resolution.Credential!.Kind != CredentialKind.Api)
            return Problem(StatusCodes.Status403Forbidden, "forbidden", "This key sends events; reading needs an api key.");
        var environment = resolution.Credential.Environment;
        var byType = store.Reader.CountEventsByType(environment.Id);
        return Results.Ok(new
        {
            environment = new { id = environment.Id, name = environment.Name, timeZone = environment.TimeZone.Id },
            events = store.Reader.CountEvents(environment.Id),
            byType = EventTypeNames.All.ToDictionary(t => t.ToWire(), t => byType.GetValueOrDefault(t)),
        });
    }

    // An RFC 9457 problem document like the CSV export's, with the same stable code as the Indexer's errors.
    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = code });
}
