using GraphReports.Analytics.Intake;

namespace GraphReports.Indexer;

/// <summary>Limits of <c>POST /v1/events</c>, bound from <c>GraphReports:Intake</c>. Every limit answers 413 with a message naming it.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "GraphReports:Intake";

    /// <summary>Request body as sent, compressed or not. Default 10 MiB (10,485,760).</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Body after gzip decompression. Default 64 MiB (67,108,864).</summary>
    public long MaxDecompressedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Events in one request. Default 10,000.</summary>
    public int MaxEventsPerRequest { get; set; } = 10_000;

    /// <summary>One event's JSON. Default 1 MiB (1,048,576).</summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Request bodies read at the same time, all keys together (each holds up to <see cref="MaxDecompressedBytes"/>
    /// of events in memory until stored). Default 2, one per core of a small machine.
    /// </summary>
    public int MaxConcurrentBodies { get; set; } = 2;

    /// <summary>Requests that may wait for a body slot; beyond that 429 with <c>Retry-After</c>. Default 64.</summary>
    public int MaxQueuedBodies { get; set; } = 64;

    /// <summary>The rate limiter policy of <c>POST /v1/events</c> that enforces <see cref="MaxConcurrentBodies"/>.</summary>
    public const string BodiesPolicy = "intake-bodies";

    public IntakeLimits ToLimits() => new()
    {
        MaxBodyBytes = MaxBodyBytes,
        MaxDecompressedBytes = MaxDecompressedBytes,
        MaxEventsPerRequest = MaxEventsPerRequest,
        MaxEventBytes = MaxEventBytes,
    };
}
