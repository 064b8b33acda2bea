using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Reports.Contract;

/// <summary>Seeded random events and random custom slices over a small, collision-rich vocabulary.</summary>
public sealed class RandomActivity(int seed)
{
    private readonly Random _random = new(seed);

    public static readonly (string Id, TimeZoneInfo Zone)[] Environments =
    [
        ("env-paris", TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")),
        ("env-ny", TimeZoneInfo.FindSystemTimeZoneById("America/New_York")),
        ("env-utc", TimeZoneInfo.Utc),
    ];

    /// <summary>Months around the October and March DST changes.</summary>
    public static readonly Month[] Months = [new(2025, 9), new(2025, 10), new(2025, 11), new(2026, 2), new(2026, 3)];

    private static readonly string[] Users = ["u1", "u2", "u3", "U1", "u10"];
    private static readonly string[] Sessions = ["s1", "s2", "s3", "s4", "s5", "s6"];
    private static readonly string[] Assets = ["a1", "a2", "a3", "a4", "a10"];
    private static readonly string?[] Folders = ["photos", "photos/2025", "photos/2025/june", "photosx", "video", null];
    private static readonly string?[] Names = ["Sunset", "sunset", "Beach", null];
    private static readonly string[] Collections = ["c1", "c2", "c3"];
    private static readonly string?[] Texts = ["red car", "Red  Car ", "blue", "BLUE", "  ", "tree", null];
    private static readonly string?[] Expressions = ["tags:cat AND year:2024", "tags:cat  AND year:2024", "Tags:cat", null];
    private static readonly (string, string)[] Pairs = [("tag", "cat"), ("tag", "dog"), ("folder", "cat"), ("color", "red")];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    private bool Chance(double p) => _random.NextDouble() < p;

    public List<(string Env, ActivityEvent Event)> Events(int count)
    {
        var result = new List<(string, ActivityEvent)>();
        for (var i = 0; i < count; i++)
        {
            var (env, zone) = Pick(Environments);
            // Some events sit right at local month edges (23:30 on the last day, 00:00 on the first).
            var month = Pick(Months);
            DateTimeOffset ts = Chance(0.15)
                ? ZonedCalendar.PeriodOf(month, zone).End.AddMinutes(Chance(0.5) ? -30 : 0)
                : ZonedCalendar.PeriodOf(month, zone).Start.AddMinutes(_random.Next(0, 60 * 24 * 28));
            var id = Chance(0.05) && result.Count > 0 ? result[_random.Next(result.Count)].Item2.Id : $"e{i}";
            result.Add((env, MakeEvent(id, Pick(EventTypeNames.All), ts)));
        }
        return result;
    }

    private ActivityEvent MakeEvent(string id, EventType type, DateTimeOffset ts)
    {
        var asset = new AssetRef(Pick(Assets), Pick(Names), Pick(Folders));
        var withUser = type is EventType.SessionStarted or EventType.Search or EventType.Download or EventType.Upload or EventType.CollectionCreated || Chance(0.2);
        var e = new ActivityEvent
        {
            Id = id, Type = type, Timestamp = ts,
            User = withUser ? Pick(Users) : null,
            Session = withUser ? Pick(Sessions) : null,
        };
        return type switch
        {
            EventType.Search => e with { Search = RandomSearch() },
            EventType.Download => e with { Asset = asset, Download = new DownloadDetails(Chance(0.4), null, Chance(0.3) ? "thumb" : null) },
            EventType.Upload => e with { Asset = asset, Upload = new UploadDetails(Chance(0.3)) },
            EventType.CollectionCreated or EventType.CollectionViewed => e with { Collection = new CollectionRef(Pick(Collections), Pick(Names)) },
            EventType.CollectionDownloaded => e with
            {
                Collection = new CollectionRef(Pick(Collections), Pick(Names)), Asset = asset,
                Download = new DownloadDetails(Chance(0.2), null, Chance(0.5) ? "web" : null),
            },
            EventType.AssetImpression or EventType.AssetClick => e with { Asset = asset, Page = "https://example.test/p" },
            EventType.AssetRated => e with { Asset = asset, Rating = _random.Next(1, 6) },
            EventType.AssetUsed => e with { Asset = asset, Channel = Pick(Enum.GetValues<UsageChannel>()) },
            _ => e,
        };
    }

    private SearchDetails RandomSearch()
    {
        var kind = Pick(Enum.GetValues<SearchKind>());
        return new SearchDetails(kind,
            Text: kind is SearchKind.Text or SearchKind.VisualText || Chance(0.2) ? Pick(Texts) : null,
            Filters: Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(Pairs)).Select(p => new SearchFilter(p.Item1, p.Item2)).ToArray(),
            Expression: kind is SearchKind.Expression or SearchKind.QueryBuilder ? Pick(Expressions) : null,
            Reference: kind == SearchKind.VisualImage ? new ReferenceImage(Pick(Assets), Pick(Names)) : null,
            Results: Chance(0.3) ? 0 : Chance(0.5) ? _random.Next(1, 50) : null);
    }

    public ReportQuery Query()
    {
        var (env, zone) = Pick(Environments);
        var month = Pick(Months);
        var period = _random.Next(5) switch
        {
            0 or 1 => Period.ForMonth(month, zone),
            // A month in another zone than the environment's: must be scanned, not read from rollups.
            2 => Period.ForMonth(month, Pick(Environments).Zone),
            // A month's start up to an instant inside it (the previous month "to date"), to the tick.
            3 => new Period(ZonedCalendar.PeriodOf(month, zone).Start, ZonedCalendar.PeriodOf(month, zone).Start.AddTicks(_random.NextInt64(0, TimeSpan.TicksPerDay * 28))),
            _ => new Period(ZonedCalendar.PeriodOf(month, zone).Start.AddDays(_random.Next(-20, 20)), ZonedCalendar.PeriodOf(month, zone).Start.AddDays(_random.Next(21, 90))),
        };
        var filter = new EventFilter(env, period)
        {
            Types = Chance(0.6) ? Subset(EventTypeNames.All, 1, 4) : null,
            Users = Chance(0.15) ? Subset(Users, 1, 2) : null,
            Assets = Chance(0.15) ? Subset(Assets, 1, 2) : null,
            FolderPrefix = Chance(0.1) ? Pick(["photos", "photos/2025", "video/"]) : null,
            Collections = Chance(0.1) ? Subset(Collections, 1, 2) : null,
            SearchKinds = Chance(0.15) ? Subset(Enum.GetValues<SearchKind>(), 1, 2) : null,
            Channels = Chance(0.1) ? Subset(Enum.GetValues<UsageChannel>(), 1, 2) : null,
            BulkDownloads = Pick(Enum.GetValues<BulkDownloads>()),
            ZeroResultsOnly = Chance(0.1),
            Preset = Chance(0.15) ? Chance(0.5) : null,
        };
        var measure = _random.Next(9) switch
        {
            0 => Measure.DistinctUsers,
            1 => Measure.DistinctAssets,
            2 => Measure.DistinctSessions,
            3 => Measure.DistinctCollections,
            4 => Measure.RatingSum,
            5 => Measure.Weighted(new Dictionary<EventType, int> { [EventType.AssetImpression] = 1, [EventType.AssetClick] = 10 }),
            6 => Measure.SessionsConverted(EventType.Search, EventType.Download),
            _ => Measure.Events,
        };
        Shape shape = measure.Kind == MeasureKind.SessionsConverted ? TotalShape.Instance : _random.Next(3) switch
        {
            0 => TotalShape.Instance,
            1 => new TopShape(Pick(Enum.GetValues<Dimension>()), Chance(0.3) ? null : _random.Next(1, 6), Chance(0.4)),
            _ => new HistogramShape(Pick(Enum.GetValues<Granularity>()), Pick(Environments).Zone.Id),
        };
        return new ReportQuery(filter, measure, shape);
    }

    private T[] Subset<T>(IReadOnlyList<T> items, int min, int max) =>
        items.OrderBy(_ => _random.Next()).Take(_random.Next(min, max + 1)).ToArray();
}
