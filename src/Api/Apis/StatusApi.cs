using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Sqlite;

namespace GraphReports.Api.Apis;

/// <summary><c>GET /v1/stats</c> (event counts of the caller's environment).</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/stats", GetStats);
        return app;
    }

    /// <summary>Event counts, in total and by type, of the environment of the bearer api key.</summary>
    public static IResult GetStats(HttpRequest request, CredentialDirectory credentials, SqliteEventStore store)
    {
        var resolution = credentials.Resolve(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null);
        if (!resolution.IsResolved)
            return Results.Json(new { error = "unauthorized", message = resolution.Error }, statusCode: StatusCodes.Status401Unauthorized);
        if (resolution.Credential!.Kind != CredentialKind.Api)
            return Results.Json(new { error = "forbidden", message = "This key sends events; reading needs an api key." }, statusCode: StatusCodes.Status403Forbidden);
        var environment = resolution.Credential.Environment;
        var byType = store.Reader.CountEventsByType(environment.Id);
        return Results.Ok(new
        {
            environment = new { id = environment.Id, name = environment.Name, timeZone = environment.TimeZone.Id },
            events = store.Reader.CountEvents(environment.Id),
            byType = EventTypeNames.All.ToDictionary(t => t.ToWire(), t => byType.GetValueOrDefault(t)),
        });
    }
}
