using System.Globalization;
using System.Threading.RateLimiting;
using GraphReports.Analytics.Environments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Hosting;

/// <summary>
/// The global rate limiter of both hosts (ASP.NET Core's RateLimiter middleware), partitioned by the
/// key a request carries (see <see cref="RateLimitOptions"/>). A known key is identified by its
/// digest, so a key's budget is its own whatever environment shares it; an unknown key counts against
/// the client address it came from, so guessing keys is slow whatever keys are tried.
/// </summary>
internal static class KeyRateLimits
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => Rate(context, options)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => Concurrency(context, options)));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This key (or, without a valid key, this client) has made more requests than its limit allows; retry after {retryAfter} s.",
                extensions: new Dictionary<string, object?> { ["error"] = "rate_limited" }).ExecuteAsync(context);
        };
    }

    private enum Caller { Exempt, Key, FailedAuthentication, Anonymous }

    private static (Caller Caller, string Partition) Identify(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health")) return (Caller.Exempt, "");
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.Length > 0 ? header : context.Request.Query["key"].ToString();
        if (key.Length == 0) return (Caller.Anonymous, Client(context));
        if (context.Items.TryGetValue(typeof(KeyRateLimits), out var cached) && cached is ValueTuple<Caller, string> known) return known;
        var credentials = context.RequestServices.GetRequiredService<CredentialDirectory>();
        var presented = header.Length > 0 ? BearerKey(header) : key;
        var identity = presented is not null && credentials.ResolveKey(presented) is not null
            ? (Caller.Key, KeyHasher.Hash(presented))
            : (Caller.FailedAuthentication, Client(context));
        context.Items[typeof(KeyRateLimits)] = identity; // both limiters of the chain ask
        return identity;
    }

    private static string? BearerKey(string header)
    {
        var value = header.Trim();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value.Length > 7 ? value[7..].Trim() : null;
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Rate(HttpContext context, RateLimitOptions options)
    {
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("off");
        var (caller, partition) = Identify(context);
        return caller switch
        {
            Caller.Key => RateLimitPartition.GetTokenBucketLimiter("key:" + partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.BurstPerKey),
                TokensPerPeriod = Math.Max(1, options.PermitsPerSecondPerKey),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }),
            Caller.FailedAuthentication => RateLimitPartition.GetFixedWindowLimiter("failed:" + partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.FailedAuthenticationsPerMinutePerClient),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }),
            Caller.Anonymous => RateLimitPartition.GetTokenBucketLimiter("anonymous:" + partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.AnonymousPermitsPerSecondPerClient * 2),
                TokensPerPeriod = Math.Max(1, options.AnonymousPermitsPerSecondPerClient),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }),
            _ => RateLimitPartition.GetNoLimiter("exempt"),
        };
    }

    private static RateLimitPartition<string> Concurrency(HttpContext context, RateLimitOptions options)
    {
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("off");
        var (caller, partition) = Identify(context);
        // Only known keys run long work; the others are answered 401/403 at once, or get static files.
        return caller != Caller.Key
            ? RateLimitPartition.GetNoLimiter("no-key")
            : RateLimitPartition.GetConcurrencyLimiter("key:" + partition, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, options.ConcurrentRequestsPerKey),
                QueueLimit = Math.Max(0, options.QueuedRequestsPerKey),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
    }
}
