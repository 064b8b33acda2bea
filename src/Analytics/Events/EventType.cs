namespace GraphReports.Analytics.Events;

/// <summary>The kinds of activity GraphReports takes in (REPORTS.md §1). Wire names via <see cref="EventTypeNames"/>.</summary>
public enum EventType
{
    SessionStarted = 1,
    Search = 2,
    Download = 3,
    Upload = 4,
    CollectionCreated = 5,
    CollectionViewed = 6,
    CollectionDownloaded = 7,
    AssetImpression = 8,
    AssetClick = 9,
    AssetRated = 10,
    AssetUsed = 11,
}

/// <summary>Maps <see cref="EventType"/> to and from the wire names of REPORTS.md §1.</summary>
public static class EventTypeNames
{
    private static readonly (EventType Type, string Name)[] Pairs =
    [
        (EventType.SessionStarted, "session.started"),
        (EventType.Search, "search"),
        (EventType.Download, "download"),
        (EventType.Upload, "upload"),
        (EventType.CollectionCreated, "collection.created"),
        (EventType.CollectionViewed, "collection.viewed"),
        (EventType.CollectionDownloaded, "collection.downloaded"),
        (EventType.AssetImpression, "asset.impression"),
        (EventType.AssetClick, "asset.click"),
        (EventType.AssetRated, "asset.rated"),
        (EventType.AssetUsed, "asset.used"),
    ];

    private static readonly Dictionary<string, EventType> ByName =
        Pairs.ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);

    public static IReadOnlyList<EventType> All { get; } = Pairs.Select(p => p.Type).ToArray();

    public static string ToWire(this EventType type) => Pairs[(int)type - 1].Name;

    public static bool TryParse(string? name, out EventType type) =>
        ByName.TryGetValue(name ?? "", out type);
}
