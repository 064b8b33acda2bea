using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Analytics.Reports;

/// <summary>What the folder view can be sorted by.</summary>
public enum AssetInsightOrder
{
    AssetId = 0,
    Impressions,
    Clicks,
    ClickThroughRate,
    RatingsCount,
    AverageRating,
    Usage,
    PopularityScore,
}

/// <summary>One page of the folder view, and how many assets the folder has in all.</summary>
public sealed record FolderInsightsPage(string Folder, int TotalCount, int Offset, IReadOnlyList<AssetInsights> Assets);

/// <summary>
/// REPORTS.md §3 "For a folder (and its subfolders): every asset with the figures above, sortable
/// by any of them, paged". The folder's assets are those with any event in the folder in the
/// period (an event's folder is the one it carries); the empty folder is the whole library, which
/// makes the view sorted by popularity score the environment's top assets.
/// </summary>
public static class FolderInsightFigures
{
    public const int MaxPageSize = 100;

    public static Figure<FolderInsightsPage> Page(
        ReportContext context, string folder, Period? period = null,
        AssetInsightOrder orderBy = AssetInsightOrder.PopularityScore, bool descending = true, int offset = 0, int pageSize = 20)
    {
        // An empty folder is the whole library: every asset with an event in the period.
        var cleanFolder = folder?.Trim('/') ?? "";
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        if (pageSize is < 1 or > MaxPageSize) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"pageSize must be between 1 and {MaxPageSize}.");
        if (!Enum.IsDefined(orderBy)) throw new ArgumentOutOfRangeException(nameof(orderBy), orderBy, "not a figure of the folder view.");

        var env = context.Filter(period ?? context.Period);
        var inFolder = cleanFolder.Length == 0 ? env : env with { FolderPrefix = cleanFolder };
        // Every asset of the folder, in whatever order the store lists them: the page is ordered here.
        var every = new TopShape(Dimension.Asset, null, anyOrder: true);
        var counts = new ReportQuery(inFolder, Measure.Events, new TopShape(Dimension.Asset, null, breakDownByType: true, anyOrder: true));
        var ratingSums = new ReportQuery(inFolder with { Types = [EventType.AssetRated] }, Measure.RatingSum, every);
        var channels = Enum.GetValues<UsageChannel>();
        var usage = channels.Select(c => new ReportQuery(inFolder with { Types = [EventType.AssetUsed], Channels = [c] }, Measure.Events, every)).ToArray();
        var best = AssetInsightFigures.BestPopularityPoints(env);

        return new("folderInsights", [counts, ratingSums, .. usage, .. best.Queries], r =>
        {
            var entries = ((TopResult)r[0]).Entries;
            var sums = ByKey(r[1]);
            var perChannel = channels.Select((_, i) => ByKey(r[2 + i])).ToArray();
            var bestPoints = best.Compose(r.Skip(2 + channels.Length).ToArray());
            long Of(TopEntry e, EventType type) => e.ByType?.GetValueOrDefault(type) ?? 0;
            long Points(TopEntry e) => AssetInsightFigures.PopularityPoints(Of(e, EventType.AssetImpression), Of(e, EventType.AssetClick));

            // Only the figure sorted by is computed for every asset; the page's assets get all their figures.
            double? SortKey(TopEntry e) => orderBy switch
            {
                AssetInsightOrder.AssetId => 0,
                AssetInsightOrder.Impressions => Of(e, EventType.AssetImpression),
                AssetInsightOrder.Clicks => Of(e, EventType.AssetClick),
                AssetInsightOrder.ClickThroughRate => AssetInsights.Ratio(Of(e, EventType.AssetClick), Of(e, EventType.AssetImpression)),
                AssetInsightOrder.RatingsCount => Of(e, EventType.AssetRated),
                AssetInsightOrder.AverageRating => AssetInsights.Ratio(sums.GetValueOrDefault(e.Key), Of(e, EventType.AssetRated)),
                AssetInsightOrder.Usage => perChannel.Sum(c => c.GetValueOrDefault(e.Key)),
                _ => AssetInsightFigures.PopularityScore(Points(e), bestPoints),
            };
            AssetInsights Insights(TopEntry e) => new(e.Key, e.Name, Of(e, EventType.AssetImpression), Of(e, EventType.AssetClick),
                Of(e, EventType.AssetRated), sums.GetValueOrDefault(e.Key),
                ChannelUsage.From(c => perChannel[Array.IndexOf(channels, c)].GetValueOrDefault(e.Key)),
                AssetInsightFigures.PopularityScore(Points(e), bestPoints));

            var keys = entries.Select(SortKey).ToArray();
            var order = new FolderOrder(entries, keys, descending, byIdOnly: orderBy == AssetInsightOrder.AssetId);
            var page = PageSelection.Select(entries.Count, order, offset, pageSize);
            return new FolderInsightsPage(cleanFolder, entries.Count, offset, page.Select(i => Insights(entries[i])).ToArray());
        });
    }

    private static Dictionary<string, long> ByKey(QueryResult list) =>
        ((TopResult)list).Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>
    /// Assets without the sorted figure (no CTR, no rating, no score) last whichever the direction, then the figure,
    /// ties by asset id ascending; sorted by asset id, the id alone in the direction asked.
    /// </summary>
    private sealed class FolderOrder(IReadOnlyList<TopEntry> entries, double?[] keys, bool descending, bool byIdOnly) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            if (byIdOnly) return (descending ? -1 : 1) * string.CompareOrdinal(entries[a].Key, entries[b].Key);
            var (x, y) = (keys[a], keys[b]);
            if (x.HasValue != y.HasValue) return x.HasValue ? -1 : 1;
            var byKey = x.HasValue ? x.GetValueOrDefault().CompareTo(y.GetValueOrDefault()) : 0;
            if (byKey != 0) return descending ? -byKey : byKey;
            return string.CompareOrdinal(entries[a].Key, entries[b].Key);
        }
    }
}
