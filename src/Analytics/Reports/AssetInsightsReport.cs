using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using static GraphReports.Analytics.Reports.Figures;

namespace GraphReports.Analytics.Reports;

/// <summary>Uses of an asset per channel (<c>asset.used</c>).</summary>
public sealed record ChannelUsage(long Collection, long WebMobile, long Social, long Email)
{
    public long Total => Collection + WebMobile + Social + Email;

    public static ChannelUsage From(Func<UsageChannel, long> count) =>
        new(count(UsageChannel.Collection), count(UsageChannel.WebMobile), count(UsageChannel.Social), count(UsageChannel.Email));
}

/// <summary>REPORTS.md §3 "Asset insights" for one asset over a period.</summary>
public sealed record AssetInsights(
    string AssetId,
    string? Name,
    long Impressions,
    long Clicks,
    long RatingsCount,
    long RatingsSum,
    ChannelUsage Usage,
    int? PopularityScore)
{
    /// <summary>Clicks / impressions; null when no impressions.</summary>
    public double? ClickThroughRate => Ratio(Clicks, Impressions);

    /// <summary>Average rating; null when no rating.</summary>
    public double? AverageRating => Ratio(RatingsSum, RatingsCount);

    /// <summary>part / whole; null when whole is 0.</summary>
    public static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>The popularity points: impressions + 10 x clicks.</summary>
    public long PopularityPoints => AssetInsightFigures.PopularityPoints(Impressions, Clicks);
}

/// <summary>One bucket of an asset's performance trend.</summary>
public sealed record PerformancePoint(DateTimeOffset Start, long Impressions, long Clicks);

/// <summary>The asset insight figures, declared once in the query model.</summary>
public static class AssetInsightFigures
{
    /// <summary>Weight of a click against an impression in the popularity score.</summary>
    public const int ClickWeight = 10;

    public static long PopularityPoints(long impressions, long clicks) => impressions + ClickWeight * clicks;

    /// <summary>
    /// 100 x points / best points of the environment in the same period, rounded half away from
    /// zero; null when no asset had an impression or a click (best = 0).
    /// </summary>
    public static int? PopularityScore(long points, long best) => best switch
    {
        0 => null,
        // In integers when nothing can overflow (the folder view sorts tens of thousands of assets by it):
        // 100p/b rounded half away from zero is floor((200p + b) / 2b) for p >= 0 and b > 0.
        > 0 and < MaxExactInLong when points is >= 0 and < MaxExactInLong => (int)((200 * points + best) / (2 * best)),
        _ => (int)Math.Round(100m * points / best, MidpointRounding.AwayFromZero),
    };

    private const long MaxExactInLong = long.MaxValue / 400;

    /// <summary>The highest popularity points of any asset of the environment in the period.</summary>
    public static Figure<long> BestPopularityPoints(EventFilter environmentPeriod) =>
        Figure.Of("bestPopularityPoints",
            new ReportQuery(
                environmentPeriod with { Types = [EventType.AssetImpression, EventType.AssetClick] },
                Measure.Weighted(new Dictionary<EventType, int> { [EventType.AssetImpression] = 1, [EventType.AssetClick] = ClickWeight }),
                new TopShape(Dimension.Asset, 1)),
            r => ((TopResult)r).Entries is [var best, ..] ? best.Value : 0);

    /// <summary>The insights of one asset over <paramref name="period"/> (default: the listed month).</summary>
    public static Figure<AssetInsights> ForAsset(ReportContext context, string assetId, Period? period = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(assetId);
        var env = context.Filter(period ?? context.Period);
        var asset = env with { Assets = [assetId] };
        // Every type, not only the insight types, so that the asset's name is known whenever it had any event in the period.
        var counts = new ReportQuery(asset, Measure.Events, new TopShape(Dimension.Asset, 1, breakDownByType: true));
        var channels = new ReportQuery(asset with { Types = [EventType.AssetUsed] }, Measure.Events, new TopShape(Dimension.Channel, null));
        var ratingSum = Total(asset with { Types = [EventType.AssetRated] }, Measure.RatingSum);
        var best = BestPopularityPoints(env);
        return new("assetInsights", [counts, channels, ratingSum, .. best.Queries], r =>
        {
            var entry = ((TopResult)r[0]).Entries.FirstOrDefault();
            var byChannel = ((TopResult)r[1]).Entries.ToDictionary(e => e.Key, e => e.Value);
            long Of(EventType t) => entry?.ByType?.GetValueOrDefault(t) ?? 0;
            var points = PopularityPoints(Of(EventType.AssetImpression), Of(EventType.AssetClick));
            return new AssetInsights(assetId, entry?.Name,
                Of(EventType.AssetImpression), Of(EventType.AssetClick), Of(EventType.AssetRated), ((TotalResult)r[2]).Value,
                ChannelUsage.From(c => byChannel.GetValueOrDefault(c.ToWire())),
                PopularityScore(points, best.Compose(r.Skip(3).ToArray())));
        });
    }

    /// <summary>Impressions and clicks of one asset per day, week or month (local to the environment) over the period.</summary>
    public static Figure<IReadOnlyList<PerformancePoint>> PerformanceTrend(ReportContext context, string assetId, Granularity interval, Period? period = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(assetId);
        var asset = context.Filter(period ?? context.Period) with { Assets = [assetId] };
        var shape = new HistogramShape(interval, context.Zone.Id);
        var impressions = new ReportQuery(asset with { Types = [EventType.AssetImpression] }, Measure.Events, shape);
        var clicks = new ReportQuery(asset with { Types = [EventType.AssetClick] }, Measure.Events, shape);
        return new("performanceTrend", [impressions, clicks], r => (IReadOnlyList<PerformancePoint>)((HistogramResult)r[0]).Buckets
            .Zip(((HistogramResult)r[1]).Buckets, (i, c) => new PerformancePoint(i.Start, i.Value, c.Value)).ToArray());
    }
}
