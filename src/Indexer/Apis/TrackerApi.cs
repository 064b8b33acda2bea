using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Intake;
using GraphReports.Indexer.Tracking;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphReports.Indexer.Apis;

/// <summary>
/// What tracked web pages talk to: <c>GET /tracker.js</c> and <c>POST /v1/beacons?key=&lt;site key&gt;</c>
/// (with its CORS preflight). docs/site-tracking.md describes both for site owners.
/// </summary>
public static class TrackerApi
{
    public static IEndpointRouteBuilder MapTrackerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tracker.js", GetTracker);
        app.MapPost("/v1/beacons", PostBeaconsAsync).RequireRateLimiting(BeaconRateLimits.PolicyName);
        app.MapMethods("/v1/beacons", [HttpMethods.Options], Preflight).RequireRateLimiting(BeaconRateLimits.PolicyName);
        return app;
    }

    /// <summary>The tracker, gzipped when the client accepts it; cached by browsers for an hour and revalidated by its ETag.</summary>
    public static IResult GetTracker(HttpContext http, TrackerScript script)
    {
        var response = http.Response;
        response.Headers.CacheControl = "public, max-age=3600";
        response.Headers.ETag = script.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        // Loaded by pages of other origins, also those that isolate themselves (COEP).
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == script.ETag)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        const string type = "text/javascript; charset=utf-8";
        if (AcceptsGzip(http.Request))
        {
            response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(script.Gzipped, type);
        }
        return Results.Bytes(script.Bytes, type);
    }

    /// <summary>
    /// Takes a JSON array of events from a page of one of the site key's origins; answers 204 once they
    /// are durable (200 with the rejected events when some broke an event rule). Refuses with 403 and
    /// stores nothing when the key, the origin, a type or a field is not allowed.
    /// </summary>
    public static async Task<IResult> PostBeaconsAsync(
        HttpContext http, CredentialDirectory credentials, IngestPipeline pipeline, BeaconKeyLimiter keyLimiter,
        IOptions<BeaconOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!TryOpen(http, credentials, out var site, out var origin, out var refusal)) return refusal!;
        AllowOrigin(http.Response, origin);

        using (var lease = keyLimiter.Acquire(site!.Key))
        {
            if (!lease.IsAcquired)
            {
                await BeaconRateLimits.RejectAsync(http, lease, $"Site key '{site.Key}' received more than {keyLimiter.PerMinute} beacons in a minute.", cancellationToken);
                return Results.Empty;
            }
        }

        if (!IsBeaconContentType(request.ContentType))
            return BeaconProblems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Unsupported Content-Type '{request.ContentType}': send the JSON array of events as text/plain (what sendBeacon sends) or application/json.");
        if (request.Headers.ContentEncoding.ToString().Trim() is { Length: > 0 } encoding && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            return BeaconProblems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"Unsupported Content-Encoding '{encoding}': send beacons uncompressed.");
        var limits = options.Value.ToLimits();
        if (request.ContentLength > limits.MaxBodyBytes)
            return BeaconProblems.Create(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The beacon is larger than the limit of {limits.MaxBodyBytes} bytes; send fewer events per beacon.");

        var receivedAt = clock.GetUtcNow();
        try
        {
            var result = await pipeline.IngestAsync(site.Environment.Id, request.Body, EventBodyFormat.JsonArray, gzip: false, limits, cancellationToken,
                BeaconAdmission.For(site, origin, receivedAt));
            if (result.Rejected.Count == 0) return Results.NoContent();
            return Results.Ok(new CollectorApi.IngestResponse(result.Accepted, result.Duplicates,
                result.Rejected.Select(r => new CollectorApi.RejectedResponse(r.Index, r.Error, r.Line)).ToArray()));
        }
        catch (EventRefusedException e)
        {
            return BeaconProblems.Create(StatusCodes.Status403Forbidden, "event_not_allowed", e.Message + " Nothing of this beacon was stored.");
        }
        catch (IntakeLimitException e)
        {
            return BeaconProblems.Create(StatusCodes.Status413PayloadTooLarge, CollectorApi.LimitCode(e.Limit), e.Message);
        }
        catch (MalformedBodyException e)
        {
            return BeaconProblems.Create(StatusCodes.Status400BadRequest, "malformed_body", e.Message + " Nothing of this beacon was stored.");
        }
    }

    /// <summary>
    /// The CORS preflight, answered only for a known site key asked from one of its origins; anything
    /// else gets 403 and no CORS header, so the browser sends nothing.
    /// </summary>
    public static IResult Preflight(HttpContext http, CredentialDirectory credentials)
    {
        if (!TryOpen(http, credentials, out _, out var origin, out var refusal)) return refusal!;
        var method = http.Request.Headers.AccessControlRequestMethod.ToString();
        if (method.Length > 0 && method != HttpMethods.Post)
            return BeaconProblems.Create(StatusCodes.Status403Forbidden, "method_not_allowed", $"Beacons are sent with POST, not {method}.");
        AllowOrigin(http.Response, origin);
        http.Response.Headers.AccessControlAllowMethods = "POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    /// <summary>The site key of <c>?key=</c> and the request's <c>Origin</c>, when the key exists and allows that origin.</summary>
    private static bool TryOpen(HttpContext http, CredentialDirectory credentials, out SiteKey? site, out string origin, out IResult? refusal)
    {
        var key = http.Request.Query["key"].ToString();
        origin = http.Request.Headers.Origin.ToString();
        site = null;
        refusal = null;
        // Vary on every answer: an answer for one origin must never be reused for another.
        http.Response.Headers.Vary = HeaderNames.Origin;
        if (key.Length == 0)
            refusal = BeaconProblems.Create(StatusCodes.Status400BadRequest, "missing_site_key", "Name the site key in the query string: POST /v1/beacons?key=<site key>.");
        else if ((site = credentials.FindSiteKey(key)) is null)
            refusal = BeaconProblems.Create(StatusCodes.Status403Forbidden, "unknown_site_key", $"Unknown site key '{key}'.");
        else if (origin.Length == 0)
            refusal = BeaconProblems.Create(StatusCodes.Status403Forbidden, "origin_not_allowed", "Beacons are taken only from web pages: the request has no Origin header.");
        else if (!site.AllowsOrigin(origin))
            refusal = BeaconProblems.Create(StatusCodes.Status403Forbidden, "origin_not_allowed", $"Site key '{key}' does not allow pages of the origin '{origin}'.");
        return refusal is null;
    }

    private static void AllowOrigin(HttpResponse response, string origin) => response.Headers.AccessControlAllowOrigin = origin;

    private static bool IsBeaconContentType(string? contentType)
    {
        // sendBeacon with a string sends text/plain;charset=UTF-8, which needs no preflight.
        if (string.IsNullOrEmpty(contentType)) return true;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)) return false;
        return type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Split(',').Any(part =>
            StringWithQualityHeaderValue.TryParse(part.Trim(), out var e) && e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0));
}
