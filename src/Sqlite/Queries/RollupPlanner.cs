using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Decides whether a query can be answered from the per-month rollups, and from which dimension's
/// rows. Rollup rows hold, per month, the events of each (type, kind, bulk, preset, zero results,
/// channel) and key of ONE dimension; so a query qualifies when its period is exactly one month whose
/// rollups are current (<c>report_rollup_month</c>) and were built in the period's zone, it is no histogram,
/// and every dimension it touches (a key criterion, a distinct measure, a top list's grouping) is the same
/// one; a folder criterion reads the (folder, asset) rows when the query is about assets.
/// </summary>
internal static class RollupPlanner
{
    /// <param name="query">The query to answer.</param>
    /// <param name="currentZone">The zone in which the rollups of (environment, month number) were built when
    /// they are current; null when they are missing or stale.</param>
    public static QuerySource Plan(ReportQuery query, Func<string, int, string?> currentZone)
    {
        var f = query.Filter;
        if (f.Period.Month is not { } month) return PlanMonthPrefix(query, currentZone);
        if (f.Period.Zone is null || currentZone(f.EnvironmentId, MonthNumbers.Of(month)) != f.Period.Zone)
            return QuerySource.Scan;
        if (query.Shape is HistogramShape) return QuerySource.Scan;
        if (f.FolderPrefix is not null) return PlanByFolder(query, MonthNumbers.Of(month));

        if (query.Measure.Kind == MeasureKind.SessionsConverted)
            return IsPlainSearchToDownload(query) ? new QuerySource(MonthNumbers.Of(month), Dimension.Session) : QuerySource.Scan;

        Dimension? needed = null;
        bool Need(Dimension d)
        {
            if (needed is null || needed == d) { needed = d; return true; }
            return false;
        }

        if (f.Users is not null && !Need(Dimension.User)) return QuerySource.Scan;
        if (f.Assets is not null && !Need(Dimension.Asset)) return QuerySource.Scan;
        if (f.Collections is not null && !Need(Dimension.Collection)) return QuerySource.Scan;
        if (DistinctDimension(query.Measure.Kind) is { } measured && !Need(measured)) return QuerySource.Scan;
        if (query.Shape is TopShape top && top.Dimension is not (Dimension.Channel or Dimension.EventType) && !Need(top.Dimension))
            return QuerySource.Scan;
        return new QuerySource(MonthNumbers.Of(month), needed, AnyType(query)) { SeekKeys = KeyCriterion(f, needed) is not null };
    }

    /// <summary>The keys the filter names of <paramref name="dimension"/> (users, assets or collections), or null.</summary>
    public static IReadOnlyList<string>? KeyCriterion(EventFilter f, Dimension? dimension) => dimension switch
    {
        Dimension.User => f.Users,
        Dimension.Asset => f.Assets,
        Dimension.Collection => f.Collections,
        _ => null,
    };

    /// <summary>
    /// A period from the start of a month whose rollups are current up to an instant inside it (the previous month "to
    /// date" that the summary compares with): a distinct count by event types reads the month's key rows first seen
    /// before that instant; a total of events, ratings or points with no key criterion sums the day rows of the whole
    /// days before it and scans the rest of its day. Any other query over such a period, and any other period, scans.
    /// </summary>
    private static QuerySource PlanMonthPrefix(ReportQuery query, Func<string, int, string?> currentZone)
    {
        var f = query.Filter;
        var byKeys = DistinctKeysCompiler.AnswersByTypes(query);
        if (!byKeys && !MonthToDateCompiler.Answers(query)) return QuerySource.Scan;
        // A month starts within a day of its UTC counterpart's start, in every zone.
        foreach (var candidate in new[] { f.Period.From, f.Period.From.AddDays(1) })
        {
            var utc = candidate.UtcDateTime;
            var number = utc.Year * 100 + utc.Month;
            if (currentZone(f.EnvironmentId, number) is not { } zoneId) continue;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var span = ZonedCalendar.PeriodOf(MonthNumbers.ToMonth(number), zone);
            if (span.Start != f.Period.From || f.Period.To > span.End) continue;
            return byKeys
                ? new QuerySource(number, DistinctDimension(query.Measure.Kind), Before: f.Period.To)
                : new QuerySource(number, null, AnyType(query), ToDate: DayCut.Of(f.Period.To, span, zone));
        }
        return QuerySource.Scan;
    }

    /// <summary>Whether the type-0 rows (any type, any variant) answer the query: no type or variant criterion, no per-type figure.</summary>
    private static bool AnyType(ReportQuery query)
    {
        var f = query.Filter;
        return f.Types is null && f.SearchKinds is null && f.Channels is null && f.BulkDownloads == BulkDownloads.Include
            && !f.ZeroResultsOnly && f.Preset is null && query.Measure.Kind != MeasureKind.WeightedEvents
            && query.Shape is not TopShape { Dimension: Dimension.Channel or Dimension.EventType } and not TopShape { BreakDownByType: true };
    }

    /// <summary>
    /// A folder criterion: the (folder, asset) rows answer per-asset questions (a top list of assets, or a total of
    /// events, rating sum, popularity points or distinct assets) with no user or collection criterion; anything else scans.
    /// </summary>
    private static QuerySource PlanByFolder(ReportQuery query, int month)
    {
        var f = query.Filter;
        if (f.Users is not null || f.Collections is not null) return QuerySource.Scan;
        if (query.Measure.Kind is not (MeasureKind.Events or MeasureKind.RatingSum or MeasureKind.WeightedEvents or MeasureKind.DistinctAssets))
            return QuerySource.Scan;
        if (query.Shape is not (TotalShape or TopShape { Dimension: Dimension.Asset })) return QuerySource.Scan;
        return new QuerySource(month, Dimension.Asset, AnyType(query), ByFolder: true) { SeekKeys = true };
    }

    public static Dimension? DistinctDimension(MeasureKind kind) => kind switch
    {
        MeasureKind.DistinctUsers => Dimension.User,
        MeasureKind.DistinctAssets => Dimension.Asset,
        MeasureKind.DistinctSessions => Dimension.Session,
        MeasureKind.DistinctCollections => Dimension.Collection,
        _ => null,
    };

    /// <summary>The success-rate rollup keeps the first search and last download of every session: it answers only that question, unfiltered.</summary>
    private static bool IsPlainSearchToDownload(ReportQuery q)
    {
        var f = q.Filter;
        return q.Measure is { First: EventType.Search, Then: EventType.Download }
            && (f.Types is null || (f.Types.Contains(EventType.Search) && f.Types.Contains(EventType.Download)))
            && f.Users is null && f.Assets is null && f.Collections is null && f.SearchKinds is null && f.Channels is null
            && f.BulkDownloads == BulkDownloads.Include && !f.ZeroResultsOnly && f.Preset is null;
    }
}
