namespace GraphReports.Hosting;

/// <summary>
/// Per-key rate limits (<c>GraphReports:RateLimits</c>). Every request carrying a key the host knows
/// draws from that key's token bucket and holds one of its concurrency slots while it runs; a request
/// with a wrong key draws from the much smaller bucket of its client address (key guessing); requests
/// without a key draw from their address's anonymous bucket. Over the limit: 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "GraphReports:RateLimits";

    /// <summary>False turns every limit off. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a key may make per second, sustained. Default 50.</summary>
    public int PermitsPerSecondPerKey { get; set; } = 50;

    /// <summary>Requests a key may make at once after being idle (the bucket's size). Default 200.</summary>
    public int BurstPerKey { get; set; } = 200;

    /// <summary>
    /// Requests of one key that may run at the same time; more wait in a short queue, then get 429. Default 2:
    /// on a 2-core machine one key's long requests then leave the other keys a share of the CPU.
    /// </summary>
    public int ConcurrentRequestsPerKey { get; set; } = 2;

    /// <summary>Requests of one key that may wait for a concurrency slot. Default 16.</summary>
    public int QueuedRequestsPerKey { get; set; } = 16;

    /// <summary>Requests per minute one client address may make with a key that is wrong, malformed or of the wrong kind's header. Default 60.</summary>
    public int FailedAuthenticationsPerMinutePerClient { get; set; } = 60;

    /// <summary>Requests per second one client address may make without any key (the IDE's files, health aside). Default 50.</summary>
    public int AnonymousPermitsPerSecondPerClient { get; set; } = 50;
}

/// <summary>Cross-origin access (<c>GraphReports:Cors</c>): off unless origins are listed.</summary>
public sealed class CorsOptions
{
    public const string SectionName = "GraphReports:Cors";

    /// <summary>Origins (<c>https://app.example.com</c>) whose pages may call the host from a browser. Default none: no CORS headers at all.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
