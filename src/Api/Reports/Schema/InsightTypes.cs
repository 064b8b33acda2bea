using GraphReports.Analytics.Time;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Api.Reports.Nodes;
using GraphReports.GraphQL.Types;
using static GraphReports.Api.Reports.Schema.Descriptions;

namespace GraphReports.Api.Reports.Schema;

/// <summary>Asset insights and the folder view (REPORTS.md §3 "Asset insights"), and the period they cover.</summary>
internal static class InsightTypes
{
    private const string InsightsApproximate = "Names of this object's fields whose values are estimates rather than exact counts. Empty when every figure is exact, as it always is on the embedded store.";

    public static SchemaBuilder AddInsights(this SchemaBuilder schema) => schema
        .Object("AssetInsights", t => t
            .Description("How one asset performs on tracked web pages and where it is used, over a period.")
            .Value<AssetNode>("asset", "Asset!", "The asset.", a => a.Asset)
            .Value<AssetNode>("period", "Period!", "The period the figures cover.", a => a.Period)
            .Value<AssetNode>("approximateFigures", "[String!]!", InsightsApproximate, a => a.ApproximateFigures)
            .Value<AssetNode>("impressions", "Int!", "Times the image was loaded on a tracked web page.", a => a.Insights.Impressions)
            .Value<AssetNode>("clicks", "Int!", "Times the image was clicked on a tracked web page.", a => a.Insights.Clicks)
            .Value<AssetNode>("clickThroughRate", "Float", "`clicks / impressions` (0.25 is 25%); null when there was no impression.", a => a.Insights.ClickThroughRate)
            .Value<AssetNode>("ratings", "Ratings!", "Ratings given to the asset.", a => a.Insights)
            .Value<AssetNode>("usage", "Usage!", "Where the asset was used, by channel.", a => a.Insights.Usage)
            .Value<AssetNode>("popularityScore", "Int", """
                0 to 100: the asset's impressions + 10 × clicks, relative to the highest such value of any asset
                of the environment in the same period (100 = the best performer), rounded to the nearest integer
                (halves away from zero); null when no asset had an impression or a click in the period.
                """, a => a.Insights.PopularityScore)
            .Field("performance", "[PerformancePoint!]!", f => f
                .Description("Impressions and clicks per day, week or month over the period, oldest first, every bucket present.")
                .Argument("interval", "Interval", a => a.Description(Buckets).DefaultValue(Granularity.Day))
                .ListSize(ReportCosts.Buckets)
                .Cost(ReportCosts.AssetScan)
                .ResolveAsync(async c =>
                {
                    var node = c.SourceAs<AssetNode>();
                    var points = await node.PerformanceAsync(c.Argument("interval", Granularity.Day)).ConfigureAwait(false);
                    return points.Select(p => (Node: node, Point: p)).ToArray();
                })))
        .Object("Ratings", t => t
            .Description("Ratings given to an asset (`asset.rated` events).")
            .Value<AssetInsights>("count", "Int!", "How many ratings were given.", a => a.RatingsCount)
            .Value<AssetInsights>("average", "Float", "The mean rating, 1 to 5, unrounded; null when there is none.", a => a.AverageRating))
        .Object("Usage", t => t
            .Description("Uses of an asset (`asset.used` events), by channel.")
            .Value<ChannelUsage>("collection", "Int!", "Put in a collection or a compound asset.", u => u.Collection)
            .Value<ChannelUsage>("webMobile", "Int!", "Used on a web or mobile page.", u => u.WebMobile)
            .Value<ChannelUsage>("social", "Int!", "Used in a social-media post.", u => u.Social)
            .Value<ChannelUsage>("email", "Int!", "Used in an email.", u => u.Email)
            .Value<ChannelUsage>("total", "Int!", "Uses in every channel.", u => u.Total))
        .Object("PerformancePoint", t => t
            .Description("Impressions and clicks of one bucket of time.")
            .Value<(AssetNode Node, PerformancePoint Point)>("start", "Date!", "The first day of the bucket, in the environment's time zone.", p => p.Node.BucketStart(p.Point))
            .Value<(AssetNode Node, PerformancePoint Point)>("impressions", "Int!", "Impressions in the bucket.", p => p.Point.Impressions)
            .Value<(AssetNode Node, PerformancePoint Point)>("clicks", "Int!", "Clicks in the bucket.", p => p.Point.Clicks))
        .Object("Period", t => t
            .Description("A span of whole days in the environment's time zone.")
            .Value<PeriodNode>("from", "Date!", "The first day.", p => p.From)
            .Value<PeriodNode>("to", "Date!", "The last day, included.", p => p.To)
            .Value<PeriodNode>("closed", "Boolean!", "Whether the period has ended in the environment's time zone.", p => p.Closed))
        .InputObject("PeriodInput", t => t
            .Description("A span of whole days in the environment's time zone, both ends included, at most two years (731 days).")
            .Field("from", "Date!", f => f.Description("The first day; not after today."))
            .Field("to", "Date!", f => f.Description("The last day, included; not before `from`.")))
        .Object("FolderInsights", t => t
            .Description("The assets of a folder (and its subfolders) with their insights, one page at a time.")
            .Value<FolderNode>("path", "String!", "The folder's path.", f => f.Path)
            .Value<FolderNode>("period", "Period!", "The period the figures cover.", f => f.Period)
            .Value<FolderNode>("approximateFigures", "[String!]!", "Names of the asset fields whose values are estimates rather than exact counts. Empty when every figure is exact, as it always is on the embedded store.", f => f.ApproximateFigures)
            .Value<FolderNode>("totalAssets", "Int!", "How many assets of the folder and its subfolders had an event in the period, over every page.", f => f.TotalAssets)
            .Value<FolderNode>("page", "Int!", "The page returned, 1 for the first.", f => f.Page)
            .Value<FolderNode>("pageCount", "Int!", "How many pages there are at this page size (at least 1).", f => f.PageCount)
            .Field("assets", "[AssetInsights!]!", f => f
                .Description("The assets of this page, in the requested order; empty past the last page.")
                .ListSize(ReportCosts.PageSize)
                .Resolve(c => c.SourceAs<FolderNode>().Assets)));
}
