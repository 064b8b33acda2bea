namespace GraphReports.Analytics.Environments;

/// <summary>
/// The tenants and their credentials, bound from the configuration section
/// <see cref="SectionName"/> (<c>GraphReports:Environments:&lt;id&gt;:...</c>). Keys are never kept
/// in clear: configuration holds their SHA-256 digests as hex (see <see cref="KeyHasher"/>).
/// </summary>
public sealed class GraphReportsOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "GraphReports";

    /// <summary>The product environments, keyed by their id (the key of the configuration entry).</summary>
    public Dictionary<string, EnvironmentOptions> Environments { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One product environment as configured.</summary>
public sealed class EnvironmentOptions
{
    /// <summary>Display name; defaults to the id.</summary>
    public string? Name { get; set; }

    /// <summary>IANA time zone that decides where the environment's months begin (default <c>UTC</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>SHA-256 hex digests of the keys allowed to send events (<c>POST /v1/events</c>).</summary>
    public List<string> IngestKeyHashes { get; set; } = [];

    /// <summary>SHA-256 hex digests of the keys allowed to read reports.</summary>
    public List<string> ApiKeyHashes { get; set; } = [];

    /// <summary>Public keys of tracked websites (<c>/tracker.js</c> beacons), in clear: see <see cref="SiteKeyOptions"/>.</summary>
    public List<SiteKeyOptions> SiteKeys { get; set; } = [];
}
