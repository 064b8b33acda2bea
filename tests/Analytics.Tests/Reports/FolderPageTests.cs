using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Reports;

/// <summary>
/// The folder view picks its page without sorting every asset (PageSelection): the page must be the one a full sort
/// of every asset's figures gives, for every order, direction and page, with the ties and missing figures a real
/// folder has.
/// </summary>
public sealed class FolderPageTests
{
    private static readonly ReportContext March = new(
        new ProductEnvironment("acme", "Acme", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")),
        new Month(2026, 3), new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_page_is_the_slice_of_the_whole_sorted_folder()
    {
        var random = new Random(15);
        for (var dataset = 0; dataset < 40; dataset++)
        {
            var answers = RandomAnswers(random, assets: random.Next(0, 400));
            foreach (var order in Enum.GetValues<AssetInsightOrder>())
                foreach (var descending in new[] { true, false })
                {
                    var (offset, size) = (random.Next(0, 60), random.Next(1, 30));
                    var page = FolderInsightFigures.Page(March, "photos", orderBy: order, descending: descending, offset: offset, pageSize: size).Compose(answers);
                    var expected = SortedAsBefore(AllInsights(answers), order, descending).Skip(offset).Take(size).ToArray();
                    Assert.Equal(((TopResult)answers[0]).Entries.Count, page.TotalCount);
                    Assert.Equal(expected, page.Assets);
                }
        }
    }

    [Fact]
    public void Equal_scores_are_ordered_by_asset_id_and_assets_without_a_click_through_rate_come_last()
    {
        // best points 20: a (10 impressions) and b (1 click) both score 50; c has no impression or click: score 0.
        // d has ratings only, so no click-through rate.
        TopEntry Asset(string id, long impressions, long clicks, long rated) => new(id, null, null, impressions + clicks + rated)
        {
            ByType = new Dictionary<EventType, long> { [EventType.AssetImpression] = impressions, [EventType.AssetClick] = clicks, [EventType.AssetRated] = rated },
        };
        IReadOnlyList<QueryResult> answers =
        [
            new TopResult([Asset("c", 0, 0, 2), Asset("b", 0, 1, 0), Asset("a", 10, 0, 0), Asset("d", 0, 0, 1), Asset("e", 20, 0, 0)]),
            new TopResult([]), new TopResult([]), new TopResult([]), new TopResult([]), new TopResult([]),
            new TopResult([new TopEntry("e", null, null, 20)]),
        ];
        string[] Ids(AssetInsightOrder order, bool descending, int offset = 0, int size = 20) =>
            [.. FolderInsightFigures.Page(March, "photos", orderBy: order, descending: descending, offset: offset, pageSize: size).Compose(answers).Assets.Select(a => a.AssetId)];

        Assert.Equal(["e", "a", "b", "c", "d"], Ids(AssetInsightOrder.PopularityScore, descending: true));
        Assert.Equal(["c", "d", "a", "b", "e"], Ids(AssetInsightOrder.PopularityScore, descending: false));
        Assert.Equal(["a", "b"], Ids(AssetInsightOrder.PopularityScore, descending: true, offset: 1, size: 2));
        Assert.Equal(["a", "e", "b", "c", "d"], Ids(AssetInsightOrder.ClickThroughRate, descending: false));
        Assert.Equal(["e", "d", "c", "b", "a"], Ids(AssetInsightOrder.AssetId, descending: true));
        Assert.Empty(Ids(AssetInsightOrder.Clicks, descending: true, offset: 5));
    }

    /// <summary>A folder's answers in the order the figure asks them: per-asset counts, rating sums, four channels, best points.</summary>
    private static IReadOnlyList<QueryResult> RandomAnswers(Random random, int assets)
    {
        var ids = Enumerable.Range(0, assets).Select(_ => $"a{random.Next(100_000):D5}").Distinct().ToArray();
        // Small counts, so that many assets tie on every figure; some assets have only other types.
        var counts = ids.Select(id => new TopEntry(id, null, random.Next(4) == 0 ? null : "name of " + id, 0)
        {
            ByType = new Dictionary<EventType, long>
            {
                [EventType.AssetImpression] = random.Next(3) == 0 ? 0 : random.Next(0, 6),
                [EventType.AssetClick] = random.Next(0, 3),
                [EventType.AssetRated] = random.Next(3) == 0 ? random.Next(1, 4) : 0,
                [EventType.Download] = random.Next(0, 3),
            },
        }).ToArray();
        var rated = counts.Where(e => e.ByType![EventType.AssetRated] > 0).ToArray();
        TopResult Some(IEnumerable<TopEntry> of, int max) =>
            new([.. of.Where(_ => random.Next(2) == 0).Select(e => new TopEntry(e.Key, null, null, random.Next(1, max)))]);
        var best = counts.Select(e => e.ByType![EventType.AssetImpression] + 10 * e.ByType[EventType.AssetClick]).DefaultIfEmpty(0).Max();
        return
        [
            new TopResult(counts),
            new TopResult([.. rated.Select(e => new TopEntry(e.Key, null, null, e.ByType![EventType.AssetRated] * random.Next(1, 6)))]),
            Some(counts, 4), Some(counts, 3), Some(counts, 3), Some(counts, 2),
            new TopResult(best == 0 ? [] : [new TopEntry("best", null, null, best + random.Next(0, 3))]),
        ];
    }

    /// <summary>Every asset's figures, built as the folder view built them before it picked pages.</summary>
    private static List<AssetInsights> AllInsights(IReadOnlyList<QueryResult> r)
    {
        Dictionary<string, long> ByKey(QueryResult list) => ((TopResult)list).Entries.ToDictionary(e => e.Key, e => e.Value);
        var sums = ByKey(r[1]);
        var channels = Enum.GetValues<UsageChannel>();
        var best = ((TopResult)r[6]).Entries is [var top, ..] ? top.Value : 0;
        return ((TopResult)r[0]).Entries.Select(e =>
        {
            long Of(EventType t) => e.ByType!.GetValueOrDefault(t);
            var usage = ChannelUsage.From(c => ByKey(r[2 + Array.IndexOf(channels, c)]).GetValueOrDefault(e.Key));
            var points = Of(EventType.AssetImpression) + 10 * Of(EventType.AssetClick);
            int? score = best == 0 ? null : (int)Math.Round(100m * points / best, MidpointRounding.AwayFromZero);
            return new AssetInsights(e.Key, e.Name, Of(EventType.AssetImpression), Of(EventType.AssetClick), Of(EventType.AssetRated),
                sums.GetValueOrDefault(e.Key), usage, score);
        }).ToList();
    }

    /// <summary>The order REPORTS.md asks for, as a full sort: nulls last, then the figure, ties by asset id ascending.</summary>
    private static IEnumerable<AssetInsights> SortedAsBefore(List<AssetInsights> assets, AssetInsightOrder order, bool descending)
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
            _ => a => a.PopularityScore,
        };
        if (order == AssetInsightOrder.AssetId && descending) return assets.OrderByDescending(a => a.AssetId, StringComparer.Ordinal);
        var byNull = assets.OrderBy(a => key(a) is null ? 1 : 0);
        return (descending ? byNull.ThenByDescending(key) : byNull.ThenBy(key)).ThenBy(a => a.AssetId, StringComparer.Ordinal);
    }
}
