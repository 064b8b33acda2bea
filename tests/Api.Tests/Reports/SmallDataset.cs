using GraphReports.Analytics.Events;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// A small hand-made dataset whose every figure is counted by hand in the tests that use it.
/// ACME (Europe/Berlin) is asked about March 2026 at <see cref="Now"/> (10 April 2026, so March is
/// closed and April is current). Daylight saving starts in Berlin on 29 March 2026: March ends at
/// 2026-03-31T22:00Z and February at 2026-02-28T23:00Z, so the events at 23:30 local on the last
/// day of a month belong to that month, and the one at 00:30 local on 1 April does not belong to March.
/// Globex holds events about the same asset and collection ids that ACME must never see.
/// </summary>
public static class SmallDataset
{
    public static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1), Cest = TimeSpan.FromHours(2);

    private static int _sequence;

    public static AssetRef Alpha => new("a1", "Alpha", "marketing/2026", "image");
    public static AssetRef Beta => new("a2", "Beta", "marketing", "image");
    public static AssetRef Gamma => new("a3", "Gamma", "sales", "video");

    public static void WriteTo(ReportTestHost host)
    {
        host.Write("acme", February());
        host.Write("acme", March());
        host.Write("acme", April());
        host.Write("globex", Globex());
    }

    public static ActivityEvent[] February() =>
    [
        // 23:30 CET on 28 February: still February in Berlin (22:30Z).
        Search("u1", "s7", At(2026, 2, 28, 23, 30, Cet), new SearchDetails(SearchKind.Text, Text: "red car", Results: 4)),
        Download("u1", "s7", At(2026, 2, 28, 23, 40, Cet), Alpha, bulk: false),
    ];

    public static ActivityEvent[] March() =>
    [
        Event(EventType.SessionStarted, At(2026, 3, 2, 8, 59, Cet), user: "u1", session: "s1"),
        Search("u1", "s1", At(2026, 3, 2, 9, 0, Cet), new SearchDetails(SearchKind.Text, Text: "  Red  Car ", Results: 5)),
        Search("u1", "s1", At(2026, 3, 2, 9, 5, Cet), new SearchDetails(SearchKind.Text, Text: "blue boat", Results: 3,
            Filters: [new SearchFilter("color", "blue"), new SearchFilter("type", "image")])),
        Download("u1", "s1", At(2026, 3, 2, 9, 10, Cet), Alpha, bulk: false),

        Search("u2", "s2", At(2026, 3, 3, 10, 0, Cet), new SearchDetails(SearchKind.Text, Text: "red car", Results: 0)),
        Search("u2", "s2", At(2026, 3, 3, 10, 1, Cet), new SearchDetails(SearchKind.Expression, Expression: "a AND  b")),
        Download("u2", "s2", At(2026, 3, 3, 10, 5, Cet), Beta, bulk: true, batch: "b1"),
        Download("u2", "s2", At(2026, 3, 3, 10, 5, Cet), Alpha, bulk: true, batch: "b1"),
        Search("u2", "s4", At(2026, 3, 4, 11, 0, Cet), new SearchDetails(SearchKind.VisualImage, Reference: new ReferenceImage("img9", "Sunset"))),

        Search("u3", "s3", At(2026, 3, 5, 12, 0, Cet), new SearchDetails(SearchKind.Filters, Filters: [new SearchFilter("color", "blue")])),
        Search("u3", "s3", At(2026, 3, 5, 12, 1, Cet), new SearchDetails(SearchKind.VisualText, Text: "Dog on  beach")),
        Event(EventType.Upload, At(2026, 3, 5, 12, 2, Cet), user: "u3", session: "s3", asset: Gamma, upload: new UploadDetails(false)),
        // 23:30 CEST on 31 March (21:30Z): the last hour of March in Berlin.
        Download("u3", "s5", At(2026, 3, 31, 23, 30, Cest), Beta, bulk: false),

        Event(EventType.CollectionViewed, At(2026, 3, 10, 9, 0, Cet), collection: new CollectionRef("c1", "Spring campaign")),
        Event(EventType.CollectionViewed, At(2026, 3, 11, 9, 0, Cet), collection: new CollectionRef("c1", "Spring campaign")),
        Event(EventType.CollectionViewed, At(2026, 3, 12, 9, 0, Cet), collection: new CollectionRef("c2", "Press kit")),
        Event(EventType.CollectionDownloaded, At(2026, 3, 10, 9, 5, Cet), collection: new CollectionRef("c1"), asset: Alpha, download: new DownloadDetails(false)),
        Event(EventType.CollectionDownloaded, At(2026, 3, 10, 9, 6, Cet), collection: new CollectionRef("c1"), asset: Beta, download: new DownloadDetails(false, Preset: "web")),
        Event(EventType.CollectionDownloaded, At(2026, 3, 12, 9, 6, Cet), collection: new CollectionRef("c2"), asset: Gamma, download: new DownloadDetails(false, Preset: "thumb")),
        Event(EventType.CollectionCreated, At(2026, 3, 9, 9, 0, Cet), user: "u1", session: "s1", collection: new CollectionRef("c1", "Spring campaign")),
        Event(EventType.CollectionCreated, At(2026, 3, 9, 10, 0, Cet), user: "u2", session: "s2", collection: new CollectionRef("c2", "Press kit")),

        // Web: Alpha 4 impressions and 1 click (14 points), Beta 2 impressions and 1 click (12 points).
        .. Enumerable.Range(1, 4).Select(d => Web(EventType.AssetImpression, At(2026, 3, d, 15, 0, Cet), Alpha)),
        Web(EventType.AssetClick, At(2026, 3, 2, 15, 1, Cet), Alpha),
        Web(EventType.AssetImpression, At(2026, 3, 20, 15, 0, Cet), Beta),
        Web(EventType.AssetImpression, At(2026, 3, 21, 15, 0, Cet), Beta),
        Web(EventType.AssetClick, At(2026, 3, 21, 15, 1, Cet), Beta),
        Event(EventType.AssetRated, At(2026, 3, 6, 9, 0, Cet), asset: Alpha, rating: 4),
        Event(EventType.AssetRated, At(2026, 3, 7, 9, 0, Cet), asset: Alpha, rating: 5),
        Event(EventType.AssetUsed, At(2026, 3, 8, 9, 0, Cet), asset: Alpha, channel: UsageChannel.Social),
        Event(EventType.AssetUsed, At(2026, 3, 8, 9, 1, Cet), asset: Alpha, channel: UsageChannel.Email),
        Event(EventType.AssetUsed, At(2026, 3, 8, 9, 2, Cet), asset: Alpha, channel: UsageChannel.Collection),
    ];

    public static ActivityEvent[] April() =>
    [
        // 00:30 CEST on 1 April is 22:30Z on 31 March: April in Berlin, not March.
        Download("u1", "s6", At(2026, 4, 1, 0, 30, Cest), Alpha, bulk: false),
    ];

    public static ActivityEvent[] Globex() =>
    [
        .. Enumerable.Range(0, 50).Select(i => Web(EventType.AssetImpression, new DateTimeOffset(2026, 3, 15, 12, i, 0, TimeSpan.Zero), Alpha)),
        Search("g1", "gs1", new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero), new SearchDetails(SearchKind.Text, Text: "globex secret")),
        Download("g1", "gs1", new DateTimeOffset(2026, 3, 15, 12, 1, 0, TimeSpan.Zero), Alpha, bulk: false),
        Event(EventType.CollectionViewed, new DateTimeOffset(2026, 3, 15, 12, 2, 0, TimeSpan.Zero), collection: new CollectionRef("c1", "Globex board")),
    ];

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);

    public static ActivityEvent Search(string user, string session, DateTimeOffset at, SearchDetails search) =>
        Event(EventType.Search, at, user: user, session: session, search: search);

    public static ActivityEvent Download(string user, string session, DateTimeOffset at, AssetRef asset, bool bulk, string? batch = null) =>
        Event(EventType.Download, at, user: user, session: session, asset: asset, download: new DownloadDetails(bulk, batch));

    public static ActivityEvent Web(EventType type, DateTimeOffset at, AssetRef asset) =>
        Event(type, at, asset: asset, page: "https://www.example.com/products");

    public static ActivityEvent Event(
        EventType type, DateTimeOffset at, string? user = null, string? session = null, AssetRef? asset = null,
        CollectionRef? collection = null, SearchDetails? search = null, DownloadDetails? download = null,
        UploadDetails? upload = null, int? rating = null, UsageChannel? channel = null, string? page = null) => new()
    {
        Id = $"e{Interlocked.Increment(ref _sequence)}",
        Type = type,
        Timestamp = at,
        User = user,
        Session = session,
        Asset = asset,
        Collection = collection,
        Search = search,
        Download = download,
        Upload = upload,
        Rating = rating,
        Channel = channel,
        Page = page,
    };
}
