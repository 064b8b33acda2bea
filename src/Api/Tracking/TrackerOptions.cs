namespace GraphReports.Api.Tracking;

/// <summary>
/// Where tracked web pages reach the Indexer, bound from <c>GraphReports:Tracker</c>: the embed code
/// the Api hands out loads <c>{PublicUrl}/tracker.js</c>, and the tracker sends its beacons to the
/// same host. Checked at start.
/// </summary>
public sealed class TrackerOptions
{
    public const string SectionName = "GraphReports:Tracker";

    /// <summary>
    /// The Indexer's base URL as the visitors of tracked sites reach it (default
    /// <c>http://localhost:5081</c>, the Indexer run locally); in production an https URL such as
    /// <c>https://collect.example.com</c>. An absolute http or https URL; a path is allowed (behind a proxy).
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5081";

    /// <summary>The URL of the tracker script, or null when <see cref="PublicUrl"/> is not an absolute http(s) URL.</summary>
    public string? TrackerUrl() =>
        Uri.TryCreate(PublicUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/tracker.js"
            : null;
}
