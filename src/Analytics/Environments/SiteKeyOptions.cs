namespace GraphReports.Analytics.Environments;

/// <summary>
/// One site key as configured (<c>GraphReports:Environments:&lt;id&gt;:SiteKeys:&lt;n&gt;</c>): the public key
/// that a tracked website puts in its page (<c>/tracker.js</c>), the origins its pages are served
/// from, and the event types it may send. A site key is public by nature, so it is kept in clear;
/// what protects it is <see cref="AllowedOrigins"/>, <see cref="EventTypes"/> and the beacon
/// endpoint's size and rate limits (docs/site-tracking.md).
/// </summary>
public sealed class SiteKeyOptions
{
    /// <summary>The key itself, 8 to 128 characters of <c>A-Z a-z 0-9 - _ .</c> (it travels in URLs and HTML attributes).</summary>
    public string Key { get; set; } = "";

    /// <summary>Display name (for example the website); defaults to the key.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>, no path) whose pages may send beacons with this key, for
    /// example <c>https://www.acme.example</c>. At least one; matched exactly (no wildcards).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// The event types the key may send: some of <c>asset.impression</c>, <c>asset.click</c>,
    /// <c>asset.rated</c> (the default is all three). No other type can be given to a site key.
    /// </summary>
    public List<string> EventTypes { get; set; } = [];
}
