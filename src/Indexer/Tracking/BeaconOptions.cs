namespace GraphReports.Indexer.Tracking;

/// <summary>
/// Limits of <c>POST /v1/beacons</c>, bound from <c>GraphReports:Beacons</c>. Beacons come from the
/// open web under a public key, so their limits are far tighter than those of <c>/v1/events</c>.
/// </summary>
public sealed class BeaconOptions
{
    public const string SectionName = "GraphReports:Beacons";

    /// <summary>One beacon's body. Default 64 KiB (65,536): what a browser lets a page send while it unloads.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Events in one beacon. Default 100 (the tracker sends at most 50).</summary>
    public int MaxEventsPerRequest { get; set; } = 100;

    /// <summary>One event's JSON. Default 4 KiB (4,096).</summary>
    public int MaxEventBytes { get; set; } = 4096;

    /// <summary>Beacons one client address may send per minute (all keys together). Default 120; 0 switches the limit off.</summary>
    public int PerAddressPerMinute { get; set; } = 120;

    /// <summary>Beacons one site key may receive per minute (all addresses together). Default 6,000; 0 switches the limit off.</summary>
    public int PerKeyPerMinute { get; set; } = 6000;

    internal GraphReports.Analytics.Intake.IntakeLimits ToLimits() => new()
    {
        MaxBodyBytes = MaxBodyBytes,
        MaxDecompressedBytes = MaxBodyBytes,
        MaxEventsPerRequest = MaxEventsPerRequest,
        MaxEventBytes = MaxEventBytes,
    };
}
