using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;

namespace GraphReports.Indexer.Tracking;

/// <summary>
/// What a beacon may store, beyond the rules of every event: only the site key's event types, only
/// the fields a web page can know (<c>id</c>, <c>type</c>, <c>timestamp</c>, <c>asset.id</c>, <c>page</c>,
/// <c>rating</c>), a <c>page</c> on the origin that sent the beacon, and the time of receipt as the
/// event's time. Anything else refuses the whole beacon (<see cref="EventRefusedException"/>).
/// </summary>
/// <remarks>
/// The time of receipt, because a browser's clock can be wrong by any amount, and because a public key
/// must not be able to write into past (closed) months. The tracker sends every event within seconds.
/// </remarks>
public static class BeaconAdmission
{
    public static Func<ActivityEvent, int, ActivityEvent> For(SiteKey site, string origin, DateTimeOffset receivedAt) => (e, index) =>
    {
        if (!site.AllowsType(e.Type))
            throw new EventRefusedException(index, $"Event {index} has type `{e.Type.ToWire()}`, which site key '{site.Key}' may not send; it sends {string.Join(", ", site.EventTypes.Select(t => t.ToWire()))}.");
        if (ForeignField(e) is { } field)
            throw new EventRefusedException(index, $"Event {index} has `{field}`: a beacon carries only id, type, timestamp, asset.id, page and rating (a web page knows nothing else, and a public key may not rename or move assets).");
        if (e.Page is { } page && !SameOrigin(page, origin))
            throw new EventRefusedException(index, $"Event {index} has page '{page}', which is not on {origin}, the origin that sent the beacon.");
        return e with { Timestamp = receivedAt };
    };

    private static string? ForeignField(ActivityEvent e) =>
        e.User is not null ? "user"
        : e.Session is not null ? "session"
        : e.Visitor is not null ? "visitor"
        : e.Collection is not null ? "collection"
        : e.Search is not null ? "search"
        : e.Download is not null ? "download"
        : e.Upload is not null ? "upload"
        : e.Channel is not null ? "channel"
        : e.Asset?.Name is not null ? "asset.name"
        : e.Asset?.Folder is not null ? "asset.folder"
        : e.Asset?.Type is not null ? "asset.type"
        : null;

    private static bool SameOrigin(string page, string origin) =>
        Uri.TryCreate(page, UriKind.Absolute, out var uri)
        && WebOrigin.TryNormalize(uri.GetLeftPart(UriPartial.Authority), out var pageOrigin)
        && WebOrigin.TryNormalize(origin, out var sender)
        && pageOrigin == sender;
}
