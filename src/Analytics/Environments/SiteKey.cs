using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Environments;

/// <summary>
/// A public key of a tracked website: which environment its beacons count for, which page origins
/// may send them, and which event types. Found with <see cref="CredentialDirectory.FindSiteKey"/>.
/// </summary>
public sealed record SiteKey(ProductEnvironment Environment, string Key, string Name, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<EventType> EventTypes)
{
    /// <summary>The only event types a site key can be given: what a web page can see happen to an image.</summary>
    public static IReadOnlyList<EventType> TrackableTypes { get; } = [EventType.AssetImpression, EventType.AssetClick, EventType.AssetRated];

    /// <summary>Whether a page of this origin (the value of an <c>Origin</c> header) may send beacons with this key.</summary>
    public bool AllowsOrigin(string? origin) =>
        WebOrigin.TryNormalize(origin, out var normalized) && AllowedOrigins.Contains(normalized, StringComparer.Ordinal);

    /// <summary>Whether this key may send events of <paramref name="type"/>.</summary>
    public bool AllowsType(EventType type) => EventTypes.Contains(type);
}

/// <summary>Web origins (<c>scheme://host[:port]</c>) as configured and as browsers send them in <c>Origin</c>.</summary>
public static class WebOrigin
{
    /// <summary>
    /// The serialized form of an http or https origin: lower-case scheme and host, the port only when
    /// it is not the scheme's default, nothing else. False for anything with a path, query, fragment or
    /// user, for other schemes, and for the opaque origin <c>null</c>.
    /// </summary>
    public static bool TryNormalize(string? value, out string origin)
    {
        origin = "";
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0) return false;
        // "https://a.example" and "https://a.example/" are the same origin; anything longer is a path.
        if (uri.AbsolutePath != "/") return false;
        // Browsers send host names in their ASCII (punycode) form and IPv6 addresses in brackets.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        return true;
    }
}
