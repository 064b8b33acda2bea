using Microsoft.AspNetCore.Http;

namespace GraphReports.Hosting;

/// <summary>
/// Headers every answer of both hosts carries. The content security policy lets pages of the host
/// (the Banana Cake Pop IDE at <c>/graphql/</c>) load scripts, styles, fonts and workers from the
/// host's own origin only, call only that origin, and be framed by no one.
/// </summary>
internal static class SecurityHeaders
{
    /// <remarks>
    /// The IDE needs inline styles and <c>blob:</c> workers (its editor), and <c>data:</c> images and fonts;
    /// it needs no script from anywhere else. <c>connect-src 'self'</c> keeps it to this service's endpoint.
    /// </remarks>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next();
    }
}
