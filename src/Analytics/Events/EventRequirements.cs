namespace GraphReports.Analytics.Events;

/// <summary>The fields an event type cannot do without (the "needs" column of REPORTS.md §1).</summary>
[Flags]
public enum EventFields
{
    None = 0,
    User = 1 << 0,
    Session = 1 << 1,
    Asset = 1 << 2,
    Collection = 1 << 3,
    Search = 1 << 4,
    Download = 1 << 5,
    Upload = 1 << 6,
    Rating = 1 << 7,
    Channel = 1 << 8,
    Page = 1 << 9,
}

/// <summary>Which fields each <see cref="EventType"/> requires, and their wire names.</summary>
public static class EventRequirements
{
    private const EventFields UserSession = EventFields.User | EventFields.Session;

    /// <summary>Fields required by <paramref name="type"/>; others are optional and kept when sent.</summary>
    public static EventFields For(EventType type) => type switch
    {
        EventType.SessionStarted => UserSession,
        EventType.Search => UserSession | EventFields.Search,
        EventType.Download => UserSession | EventFields.Asset | EventFields.Download,
        EventType.Upload => UserSession | EventFields.Asset | EventFields.Upload,
        EventType.CollectionCreated => UserSession | EventFields.Collection,
        EventType.CollectionViewed => EventFields.Collection,
        EventType.CollectionDownloaded => EventFields.Collection | EventFields.Asset | EventFields.Download,
        EventType.AssetImpression => EventFields.Asset | EventFields.Page,
        EventType.AssetClick => EventFields.Asset | EventFields.Page,
        EventType.AssetRated => EventFields.Asset | EventFields.Rating,
        EventType.AssetUsed => EventFields.Asset | EventFields.Channel,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown event type"),
    };

    /// <summary>Wire name of a single field flag, e.g. <c>download</c>.</summary>
    public static string WireName(EventFields field) => field switch
    {
        EventFields.User => "user",
        EventFields.Session => "session",
        EventFields.Asset => "asset",
        EventFields.Collection => "collection",
        EventFields.Search => "search",
        EventFields.Download => "download",
        EventFields.Upload => "upload",
        EventFields.Rating => "rating",
        EventFields.Channel => "channel",
        EventFields.Page => "page",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a single field"),
    };
}
