using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GraphReports.Indexer.Tracking;

/// <summary>
/// The beacon endpoint's rate limits, on ASP.NET Core's built-in rate limiting: the named policy
/// <see cref="PolicyName"/> limits each client address before anything is read, and
/// <see cref="BeaconKeyLimiter"/> limits each site key once the key is known. Both are sliding
/// windows of one minute in six steps, with no queue: a beacon over a limit is answered 429 at once.
/// </summary>
public static class BeaconRateLimits
{
    /// <summary>The rate-limiter policy of <c>POST /v1/beacons</c>.</summary>
    public const string PolicyName = "beacons";

    public static IServiceCollection AddBeaconRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options => options.AddPolicy<string, BeaconAddressPolicy>(PolicyName));
        services.AddSingleton<BeaconKeyLimiter>();
        return services;
    }

    internal static RateLimitPartition<string> PerMinute(string partition, int permits) => permits <= 0
        ? RateLimitPartition.GetNoLimiter(partition)
        : RateLimitPartition.GetSlidingWindowLimiter(partition, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });

    /// <summary>Writes the 429 answer: a problem document and <c>Retry-After</c> when the limiter knows it.</summary>
    internal static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, string detail, CancellationToken cancellationToken)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 10;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await BeaconProblems.Create(StatusCodes.Status429TooManyRequests, "too_many_beacons", detail + $" Try again in {seconds} s.")
            .ExecuteAsync(http).ConfigureAwait(false);
    }
}

/// <summary>One sliding window per client address (<c>GraphReports:Beacons:PerAddressPerMinute</c>).</summary>
internal sealed class BeaconAddressPolicy(IOptions<BeaconOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, cancellationToken) =>
        BeaconRateLimits.RejectAsync(context.HttpContext, context.Lease,
            $"This address sent more than {options.Value.PerAddressPerMinute} beacons in a minute.", cancellationToken);

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        BeaconRateLimits.PerMinute(httpContext.Connection.RemoteIpAddress?.ToString() ?? "", options.Value.PerAddressPerMinute);
}

/// <summary>One sliding window per site key (<c>GraphReports:Beacons:PerKeyPerMinute</c>), all addresses together.</summary>
public sealed class BeaconKeyLimiter(IOptions<BeaconOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter =
        PartitionedRateLimiter.Create<string, string>(key => BeaconRateLimits.PerMinute(key, options.Value.PerKeyPerMinute));

    public int PerMinute => options.Value.PerKeyPerMinute;

    /// <summary>Takes one permit for <paramref name="siteKey"/>; the lease says whether it was granted.</summary>
    public RateLimitLease Acquire(string siteKey) => _limiter.AttemptAcquire(siteKey);

    public void Dispose() => _limiter.Dispose();
}
