using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Diagnostics;
using GraphReports.Analytics.Intake;
using GraphReports.Redis.Queue;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphReports.Indexer.Apis;

/// <summary>The collector endpoints: <c>POST /v1/events</c> and <c>GET /health</c>.</summary>
public static class CollectorApi
{
    public static IEndpointRouteBuilder MapCollectorApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/events", PostEventsAsync).RequireRateLimiting(IntakeOptions.BodiesPolicy); // /health: ServiceDefaults
        return app;
    }

    /// <summary>
    /// Takes a batch of events for the environment of the bearer ingest key. Answers
    /// <c>{accepted, duplicates, rejected: [{index, error, line?}]}</c> once the accepted events are durable.
    /// </summary>
    public static async Task<IResult> PostEventsAsync(
        HttpRequest request, CredentialDirectory credentials, IngestPipeline pipeline, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var resolution = credentials.Resolve(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null);
        if (!resolution.IsResolved) return Error(request, StatusCodes.Status401Unauthorized, "unauthorized", resolution.Error!);
        var credential = resolution.Credential!;
        if (credential.Kind != CredentialKind.Ingest)
            return Error(request, StatusCodes.Status403Forbidden, "forbidden", "This key reads reports; sending events needs an ingest key.");

        if (!TryGetFormat(request, out var format))
            return Error(request, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Unsupported Content-Type '{request.ContentType}': send application/json (a JSON array of events) or application/x-ndjson (one event per line).");
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            return Error(request, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Unsupported Content-Encoding '{encoding}': send the body plain or with Content-Encoding: gzip.");

        var limits = options.Value.ToLimits();
        if (request.ContentLength > limits.MaxBodyBytes)
            return Error(request, StatusCodes.Status413PayloadTooLarge, "body_too_large",
                $"The request body is larger than the limit of {limits.MaxBodyBytes} bytes; send fewer events per request.");
        try
        {
            var result = await pipeline.IngestAsync(credential.Environment.Id, request.Body, format, gzip, limits, cancellationToken);
            ServiceMetrics.EventsRejected.Add(result.Rejected.Count);
            return Results.Ok(new IngestResponse(result.Accepted, result.Duplicates,
                result.Rejected.Select(r => new RejectedResponse(r.Index, r.Error, r.Line)).ToArray()));
        }
        catch (IntakeLimitException e)
        {
            return Error(request, StatusCodes.Status413PayloadTooLarge, LimitCode(e.Limit), e.Message);
        }
        catch (MalformedBodyException e)
        {
            return Error(request, StatusCodes.Status400BadRequest, "malformed_body", e.Message + " Nothing of this request was stored.");
        }
        catch (QueueUnavailableException e)
        {
            // Queue mode only (docs/redis.md): full or Redis down. Nothing was queued; the producer sends the same request again.
            request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(request, StatusCodes.Status503ServiceUnavailable, "queue_unavailable", e.Message + " Send the same request again later.");
        }
    }

    private static bool TryGetFormat(HttpRequest request, out EventBodyFormat format)
    {
        format = default;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return false;
        var media = type.MediaType.Value;
        if (string.Equals(media, "application/x-ndjson", StringComparison.OrdinalIgnoreCase)) { format = EventBodyFormat.Ndjson; return true; }
        if (string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase)) { format = EventBodyFormat.JsonArray; return true; }
        return false;
    }

    internal static string LimitCode(IntakeLimit limit) => limit switch
    {
        IntakeLimit.BodyBytes => "body_too_large",
        IntakeLimit.DecompressedBytes => "decompressed_body_too_large",
        IntakeLimit.EventsPerRequest => "too_many_events",
        _ => "event_too_large",
    };

    /// <summary>
    /// Every error answer: an RFC 9457 problem document (<c>application/problem+json</c>) whose
    /// <c>detail</c> is the sentence for people and whose <c>error</c> member is a stable code for
    /// programs; a 401 tells the client how to authenticate (<c>WWW-Authenticate: Bearer</c>).
    /// </summary>
    private static IResult Error(HttpRequest request, int status, string code, string message)
    {
        if (status == StatusCodes.Status401Unauthorized) request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(detail: message, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = code });
    }

    public sealed record IngestResponse(int Accepted, int Duplicates, RejectedResponse[] Rejected);

    public sealed record RejectedResponse(int Index, string Error, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? Line);
}
