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

        var env = context.Filter(period ?? context.Period);
        var inFolder = cleanFolder.Length == 0 ? env : env with { FolderPrefix = cleanFolder };
        var every = new TopShape(Dimension.Asset, null);
        var counts = new ReportQuery(inFolder, Measure.Events, new TopShape(Dimension.Asset, null, breakDownByType: true));
        var ratingSums = new ReportQuery(inFolder with { Types = [EventType.AssetRated] }, Measure.RatingSum, every);
        var channels = Enum.GetValues<UsageChannel>();
        var usage = channels.Select(c => new ReportQuery(inFolder with { Types = [EventType.AssetUsed], Channels = [c] }, Measure.Events, every)).ToArray();
        var best = AssetInsightFigures.BestPopularityPoints(env);

        return new("folderInsights", [counts, ratingSums, .. usage, .. best.Queries], r =>
        {
            var sums = ((TopResult)r[1]).Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            var perChannel = channels.Select((c, i) => ((TopResult)r[2 + i]).Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)).ToArray();
            var bestPoints = best.Compose(r.Skip(2 + channels.Length).ToArray());
            var all = ((TopResult)r[0]).Entries.Select(e =>
            {
                long Of(EventType t) => e.ByType?.GetValueOrDefault(t) ?? 0;
                var usageOf = ChannelUsage.From(c => perChannel[Array.IndexOf(channels, c)].GetValueOrDefault(e.Key));
                var points = AssetInsightFigures.PopularityPoints(Of(EventType.AssetImpression), Of(EventType.AssetClick));
                return new AssetInsights(e.Key, e.Name, Of(EventType.AssetImpression), Of(EventType.AssetClick),
                    Of(EventType.AssetRated), sums.GetValueOrDefault(e.Key), usageOf, AssetInsightFigures.PopularityScore(points, bestPoints));
            }).ToList();
            var sorted = Sort(all, orderBy, descending);
            return new FolderInsightsPage(cleanFolder, all.Count, offset, sorted.Skip(offset).Take(pageSize).ToArray());
        });
    }

    /// <summary>Sorts by the chosen figure; nulls (no CTR, no rating, no score) always last; ties by asset id ascending.</summary>
    private static IEnumerable<AssetInsights> Sort(IEnumerable<AssetInsights> assets, AssetInsightOrder order, bool descending)
    {
        Func<AssetInsights, double?> key = order switch
        {
            AssetInsightOrder.AssetId => _ => 0,
            AssetInsightOrder.Impressions => a => a.Impressions,
            AssetInsightOrder.Clicks => a => a.Clicks,
            AssetInsightOrder.ClickThroughRate => a => a.ClickThroughRate,
            AssetInsightOrder.RatingsCount => a => a.RatingsCount,
            AssetInsightOrder.AverageRating => a => a.AverageRating,
            AssetInsightOrder.Usage => a => a.Usage.Total,
            AssetInsightOrder.PopularityScore => a => a.PopularityScore,
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        var byNull = assets.OrderBy(a => key(a) is null ? 1 : 0);
        var byKey = descending ? byNull.ThenByDescending(key) : byNull.ThenBy(key);
        return order == AssetInsightOrder.AssetId && descending
            ? assets.OrderByDescending(a => a.AssetId, StringComparer.Ordinal)
            : byKey.ThenBy(a => a.AssetId, StringComparer.Ordinal);
    }
}
