using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Reports.Contract;

/// <summary>
/// The reference evaluation of the query model: plain LINQ over the events as written, read
/// straight from REPORTS.md and the model's doc comments. The SQLite store must agree with it.
/// </summary>
public sealed class InMemoryOracle
{
    private readonly List<(string Env, ActivityEvent Event)> _events = [];
    private readonly HashSet<(string, string)> _ids = [];

    /// <summary>Adds events; an id already seen in the environment is a duplicate and changes nothing (the first stored wins).</summary>
    public void Write(string env, IEnumerable<ActivityEvent> events)
    {
        foreach (var e in events)
            if (_ids.Add((env, e.Id))) _events.Add((env, e));
    }

    /// <summary>Events stored in an environment (duplicates not counted).</summary>
    public int CountIn(string env) => _events.Count(x => x.Env == env);

    public QueryResult Evaluate(ReportQuery q)
    {
        var selected = _events.Where(x => x.Env == q.EnvironmentId && Matches(q.Filter, x.Event)).Select(x => x.Event).ToList();
        return q.Shape switch
        {
            TotalShape => new TotalResult(Measure(q.Measure, selected)),
            TopShape top => Top(q, top, selected),
            HistogramShape h => Histogram(q, h, selected),
            _ => throw new NotSupportedException(),
        };
    }

    private static bool Matches(EventFilter f, ActivityEvent e)
    {
        if (!f.Period.Contains(e.Timestamp)) return false;
        if (f.Types is { } t && !t.Contains(e.Type)) return false;
        if (f.Users is { } u && (e.User is null || !u.Contains(e.User))) return false;
        if (f.Assets is { } a && (e.Asset is null || !a.Contains(e.Asset.Id))) return false;
        if (f.FolderPrefix is { } p)
        {
            var folder = e.Asset?.Folder?.Trim('/');
            var prefix = p.Trim('/');
            if (folder is null || !(folder == prefix || folder.StartsWith(prefix + "/", StringComparison.Ordinal))) return false;
        }
        if (f.Collections is { } c && (e.Collection is null || !c.Contains(e.Collection.Id))) return false;
        if (f.SearchKinds is { } k && (e.Search is null || !k.Contains(e.Search.Kind))) return false;
        if (f.Channels is { } ch && (e.Channel is null || !ch.Contains(e.Channel.Value))) return false;
        var isDownload = e.Type == EventType.Download;
        if (f.BulkDownloads == BulkDownloads.Exclude && isDownload && e.Download?.Bulk == true) return false;
        if (f.BulkDownloads == BulkDownloads.Only && isDownload && e.Download?.Bulk != true) return false;
        if (f.ZeroResultsOnly && e.Search?.Results != 0) return false;
        if (f.Preset == true && e.Download?.Preset is null) return false;
        if (f.Preset == false && (e.Download is null || e.Download.Preset is not null)) return false;
        return true;
    }

    private static long Measure(Measure m, IReadOnlyCollection<ActivityEvent> events) => m.Kind switch
    {
        MeasureKind.Events => events.Count,
        MeasureKind.DistinctUsers => events.Where(e => e.User is not null).Select(e => e.User).Distinct().Count(),
        MeasureKind.DistinctAssets => events.Where(e => e.Asset is not null).Select(e => e.Asset!.Id).Distinct().Count(),
        MeasureKind.DistinctSessions => events.Where(e => e.Session is not null).Select(e => e.Session).Distinct().Count(),
        MeasureKind.DistinctCollections => events.Where(e => e.Collection is not null).Select(e => e.Collection!.Id).Distinct().Count(),
        MeasureKind.RatingSum => events.Sum(e => (long)(e.Rating ?? 0)),
        MeasureKind.WeightedEvents => events.Sum(e => (long)m.Weights!.GetValueOrDefault(e.Type)),
        MeasureKind.SessionsConverted => events.Where(e => e.Session is not null).GroupBy(e => e.Session).Count(s =>
        {
            var first = s.Where(e => e.Type == m.First).Select(e => (DateTimeOffset?)e.Timestamp).Min();
            var then = s.Where(e => e.Type == m.Then).Select(e => (DateTimeOffset?)e.Timestamp).Max();
            return first is not null && then is not null && then > first;
        }),
        _ => throw new NotSupportedException(),
    };

    private static IEnumerable<(string Key, string? Key2)> Keys(Dimension d, ActivityEvent e)
    {
        string? single = d switch
        {
            Dimension.User => e.User,
            Dimension.Asset => e.Asset?.Id,
            Dimension.Collection => e.Collection?.Id,
            Dimension.SearchText => TextNormalizer.NormalizeText(e.Search?.Text),
            Dimension.Expression => TextNormalizer.NormalizeExpression(e.Search?.Expression),
            Dimension.ReferenceImage => e.Search?.Reference?.Id,
            Dimension.Channel => e.Channel?.ToWire(),
            Dimension.Session => e.Session,
            Dimension.EventType => e.Type.ToWire(),
            _ => null,
        };
        if (d == Dimension.FilterPair)
            return e.Search?.Filters.Select(f => (f.Field, (string?)f.Value)).Distinct() ?? [];
        return string.IsNullOrEmpty(single) ? [] : [(single, null)];
    }

    private TopResult Top(ReportQuery q, TopShape top, List<ActivityEvent> selected)
    {
        var breakdown = (q.Filter.Types ?? EventTypeNames.All).Distinct().ToArray();
        var groups = selected.SelectMany(e => Keys(top.Dimension, e).Select(k => (k, e)))
            .GroupBy(x => x.k, x => x.e)
            .Select(g => new TopEntry(g.Key.Key, g.Key.Key2, NameOf(q.EnvironmentId, top.Dimension, g.Key.Key), Measure(q.Measure, g.ToList()))
            {
                ByType = top.BreakDownByType ? breakdown.ToDictionary(t => t, t => Measure(q.Measure, g.Where(e => e.Type == t).ToList())) : null,
            })
            .Where(x => x.Value > 0)
            .OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.SecondKey, StringComparer.Ordinal);
        return new TopResult((top.Limit is { } n ? groups.Take(n) : groups).ToArray());
    }

    /// <summary>The most recent name any event of the environment gave the key (ties: the greater id).</summary>
    private string? NameOf(string env, Dimension d, string key) => _events
        .Where(x => x.Env == env)
        .Select(x => (x.Event, Name: d switch
        {
            Dimension.Asset when x.Event.Asset?.Id == key => x.Event.Asset.Name,
            Dimension.Collection when x.Event.Collection?.Id == key => x.Event.Collection.Name,
            Dimension.ReferenceImage when x.Event.Search?.Reference?.Id == key => x.Event.Search.Reference.Name,
            _ => null,
        }))
        .Where(x => x.Name is not null)
        .OrderByDescending(x => x.Event.Timestamp.UtcTicks).ThenByDescending(x => x.Event.Id, StringComparer.Ordinal)
        .Select(x => x.Name).FirstOrDefault();

    private static HistogramResult Histogram(ReportQuery q, HistogramShape h, List<ActivityEvent> selected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(h.Zone);
        // Each event goes to the bucket of its own local date, computed independently of the bucket list.
        var buckets = TimeBuckets.Cover(q.Filter.Period.ToTimePeriod(), h.Interval, zone);
        var byBucket = selected.ToLookup(e => TimeBuckets.KeyOf(e.Timestamp, h.Interval, zone));
        return new HistogramResult(buckets
            .Select(b => new HistogramBucket(b.Period.Start, Measure(q.Measure, byBucket[b.FirstDay].ToList())))
            .ToArray());
    }
}
