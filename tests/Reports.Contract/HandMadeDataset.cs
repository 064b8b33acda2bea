using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Reports.Contract;

/// <summary>
/// A small dataset whose every figure is counted by hand in the comments of
/// <see cref="HandMadeReportContract"/>. Environment "acme" is in Europe/Paris: summer time starts on
/// 2026-03-29, so March 2026 runs from 2026-03-01T00:00+01:00 to 2026-04-01T00:00+02:00.
/// </summary>
public static class HandMadeDataset
{
    public static readonly ProductEnvironment Acme = new("acme", "Acme", TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
    public static readonly ProductEnvironment Other = new("other", "Other", TimeZoneInfo.Utc);
    public static readonly Month March = new(2026, 3);
    public static readonly Month February = new(2026, 2);

    /// <summary>"Now" for the reports: March is open, February closed.</summary>
    public static readonly DateTimeOffset Now = T("2026-03-20T12:00:00+01:00");

    public static ReportContext MarchContext => new(Acme, March, Now);

    public static DateTimeOffset T(string s) => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly AssetRef A1 = new("a1", "Sunset", "photos/2026");
    private static readonly AssetRef A2 = new("a2", "Beach", "photos");
    private static readonly AssetRef A3 = new("a3", null, "photosx");
    private static readonly AssetRef A4 = new("a4", "Logo", "video");

    private static ActivityEvent E(string id, EventType type, string at, string? user = null, string? session = null) =>
        new() { Id = id, Type = type, Timestamp = T(at), User = user, Session = session };

    private static ActivityEvent Search(string id, string at, string user, string session, SearchDetails search) =>
        E(id, EventType.Search, at, user, session) with { Search = search };

    private static ActivityEvent Download(string id, string at, string user, string session, AssetRef asset, bool bulk) =>
        E(id, EventType.Download, at, user, session) with { Asset = asset, Download = new DownloadDetails(bulk, bulk ? "b1" : null) };

    public static IReadOnlyList<ActivityEvent> AcmeEvents { get; } =
    [
        // March: alice, session A
        E("m01", EventType.SessionStarted, "2026-03-02T09:00:00+01:00", "alice", "A"),
        Search("m02", "2026-03-02T09:05:00+01:00", "alice", "A", new(SearchKind.Text, "Red  Car", [new("tag", "car"), new("color", "red")], Results: 12)),
        Search("m03", "2026-03-02T09:06:00+01:00", "alice", "A", new(SearchKind.Text, "red car", Results: 0)),
        Download("m04", "2026-03-02T09:10:00+01:00", "alice", "A", A1, bulk: false),
        Download("m05", "2026-03-02T09:11:00+01:00", "alice", "A", A2, bulk: true),
        Download("m06", "2026-03-02T09:11:00+01:00", "alice", "A", A3, bulk: true),
        E("m07", EventType.CollectionCreated, "2026-03-02T09:20:00+01:00", "alice", "A") with { Collection = new("c3", "New") },
        // bob, session B
        Search("m08", "2026-03-10T10:00:00+01:00", "bob", "B", new(SearchKind.Text, "blue", Results: 0)),
        Search("m09", "2026-03-10T10:01:00+01:00", "bob", "B", new(SearchKind.Expression, Filters: [new("tag", "car")], Expression: "tags:cat  AND year:2024")),
        E("m10", EventType.Upload, "2026-03-10T10:05:00+01:00", "bob", "B") with { Asset = A4, Upload = new UploadDetails(false) },
        // carol, session C: her download comes BEFORE her first search, so the session is not a success
        Download("m11", "2026-03-15T11:59:00+01:00", "carol", "C", A2, bulk: false),
        Search("m12", "2026-03-15T12:00:00+01:00", "carol", "C", new(SearchKind.VisualImage, Reference: new("a1", "Sunset"))),
        Search("m13", "2026-03-15T12:01:00+01:00", "carol", "C", new(SearchKind.VisualText, "Mountain   Lake")),
        // dave, session D: 23:30 local on March's last day, after the DST change (21:30 UTC)
        Search("m14", "2026-03-31T23:30:00+02:00", "dave", "D", new(SearchKind.Text, " BLUE", Results: 3)),
        // public collections
        E("m15", EventType.CollectionViewed, "2026-03-05T08:00:00+01:00") with { Collection = new("c1", "Spring"), Visitor = "v1" },
        E("m16", EventType.CollectionViewed, "2026-03-06T08:00:00+01:00") with { Collection = new("c1", "Spring") },
        E("m17", EventType.CollectionViewed, "2026-03-07T08:00:00+01:00") with { Collection = new("c2", "Autumn") },
        E("m18", EventType.CollectionDownloaded, "2026-03-05T08:05:00+01:00") with { Collection = new("c1", "Spring"), Asset = A1, Download = new(false) },
        E("m19", EventType.CollectionDownloaded, "2026-03-07T08:05:00+01:00") with { Collection = new("c2", "Autumn"), Asset = A2, Download = new(false, Preset: "web") },
        // web performance: a1 3 impressions + 1 click = 13 points; a2 1 + 1 = 11 points
        E("m20", EventType.AssetImpression, "2026-03-02T10:00:00+01:00") with { Asset = A1, Page = "https://acme.test/" },
        E("m21", EventType.AssetImpression, "2026-03-02T11:00:00+01:00") with { Asset = A1, Page = "https://acme.test/" },
        E("m22", EventType.AssetImpression, "2026-03-20T10:00:00+01:00") with { Asset = A1, Page = "https://acme.test/" },
        E("m23", EventType.AssetClick, "2026-03-20T10:01:00+01:00") with { Asset = A1, Page = "https://acme.test/" },
        E("m24", EventType.AssetImpression, "2026-03-21T10:00:00+01:00") with { Asset = A2, Page = "https://acme.test/" },
        E("m25", EventType.AssetClick, "2026-03-21T10:01:00+01:00") with { Asset = A2, Page = "https://acme.test/" },
        E("m26", EventType.AssetRated, "2026-03-03T10:00:00+01:00") with { Asset = A1, Rating = 4 },
        E("m27", EventType.AssetRated, "2026-03-04T10:00:00+01:00") with { Asset = A1, Rating = 5 },
        E("m28", EventType.AssetUsed, "2026-03-05T10:00:00+01:00") with { Asset = A1, Channel = UsageChannel.Social },
        E("m29", EventType.AssetUsed, "2026-03-06T10:00:00+01:00") with { Asset = A1, Channel = UsageChannel.Email },
        E("m30", EventType.AssetUsed, "2026-03-07T10:00:00+01:00") with { Asset = A2, Channel = UsageChannel.WebMobile },
        // April's first instant: not March
        Search("m31", "2026-04-01T00:00:00+02:00", "eve", "F", new(SearchKind.Text, "blue")),
        // February: bob, session E; the last search is 23:30 local on February's last day
        Search("f01", "2026-02-10T09:00:00+01:00", "bob", "E", new(SearchKind.Text, "blue")),
        Download("f02", "2026-02-10T09:05:00+01:00", "bob", "E", A1, bulk: false),
        Search("f03", "2026-02-28T23:30:00+01:00", "bob", "E", new(SearchKind.Text, "green")),
        E("f04", EventType.CollectionViewed, "2026-02-11T08:00:00+01:00") with { Collection = new("c1", "Spring") },
        E("f05", EventType.CollectionViewed, "2026-02-12T08:00:00+01:00") with { Collection = new("c1", "Spring") },
    ];

    /// <summary>Another tenant's March activity: none of it may show in acme's figures.</summary>
    public static IReadOnlyList<ActivityEvent> OtherEvents { get; } =
    [
        Search("m02", "2026-03-02T09:05:00Z", "alice", "A", new(SearchKind.Text, "blue")),
        Download("o02", "2026-03-02T09:06:00Z", "zed", "Z", A1, bulk: false),
        E("o03", EventType.AssetClick, "2026-03-02T09:07:00Z") with { Asset = A4, Page = "https://other.test/" },
    ];

    /// <summary>A late upload for February (already closed), arriving after everything else.</summary>
    public static ActivityEvent LateFebruaryUpload { get; } =
        E("late1", EventType.Upload, "2026-02-20T15:00:00+01:00", "carol", "G") with { Asset = A4, Upload = new UploadDetails(true) };

    /// <summary>A second event with id m04 and different content (bulk): a duplicate, it must change nothing.</summary>
    public static ActivityEvent DuplicateOfM04 { get; } =
        Download("m04", "2026-03-25T09:10:00+01:00", "zoe", "Z", A3, bulk: true);

    public static TimeZoneInfo ZoneOf(string env) => env == Acme.Id ? Acme.TimeZone : Other.TimeZone;
}
