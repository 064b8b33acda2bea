using GraphReports.Analytics.Time;
using GraphReports.Analytics.Queries;
using GraphReports.Api.Reports.Nodes;
using GraphReports.GraphQL.Types;
using static GraphReports.Api.Reports.Schema.Descriptions;

namespace GraphReports.Api.Reports.Schema;

/// <summary>Custom questions (REPORTS.md §3 "Custom questions"): a filter, a measure, and a total, top list or trend.</summary>
internal static class ActivityTypes
{
    public static SchemaBuilder AddActivity(this SchemaBuilder schema) => schema
        .InputObject("ActivityFilter", t => t
            .Description("Which events a custom question counts. Every condition given must hold; a list matches any of its entries; an empty list is refused.")
            .Field("month", "Month", f => f.Description("The period as one month; defaults to the current month when no `period` is given."))
            .Field("period", "PeriodInput", f => f.Description(PeriodRange))
            .Field("types", "[EventType!]", f => f.Description("Only events of these types."))
            .Field("users", "[ID!]", f => f.Description("Only events of these media-library users."))
            .Field("assets", "[ID!]", f => f.Description("Only events about these assets."))
            .Field("folder", "String", f => f.Description("Only events about assets in this folder or its subfolders (`/`-separated path, no leading slash)."))
            .Field("collections", "[ID!]", f => f.Description("Only events about these collections."))
            .Field("searchKinds", "[SearchKind!]", f => f.Description("Only searches of these kinds (other event types do not match)."))
            .Field("channels", "[UsageChannel!]", f => f.Description("Only uses in these channels (other event types do not match)."))
            .Field("bulk", "Boolean", f => f.Description("true: only media-library downloads that were part of a bulk download; false: leave those out. Other event types are not affected. Default: every download."))
            .Field("zeroResultsOnly", "Boolean", f => f.Description("true: only searches that found nothing (`results` = 0).").DefaultValue(false))
            .Field("transformed", "Boolean", f => f.Description("true: only downloads with a transformation preset; false: only downloads of the original file. Default: both.")))
        .Object("ActivitySlice", t => t
            .Description("The answer to a custom question.")
            .Value<ActivityNode>("period", "Period!", "The period the filter covers.", a => a.Period)
            .Value<ActivityNode>("measure", "Measure!", "What is counted.", a => a.Measure)
            .Loaded<ActivityNode, bool>("approximate", "Boolean!", "Whether the store estimated the measure (then `total`, `top` and `trend` are estimates too); always false on the embedded store.", a => a.ApproximateAsync())
            .Field("total", "Int!", f => f
                .Description("The measure over every matching event of the period.")
                .Cost(ReportCosts.EnvironmentScan)
                .ResolveAsync(async c => (object?)await c.SourceAs<ActivityNode>().TotalAsync().ConfigureAwait(false)))
            .Field("top", "[SliceEntry!]!", f => f
                .Description("The largest groups by a dimension; ties are broken by key (ordinal order). Groups whose measure is 0 are not listed.")
                .Argument("by", "Dimension!", a => a.Description("What to group by."))
                .Argument("limit", "Int", a => a.Description("How many groups to return, 1 to 100.").DefaultValue(10))
                .ListSize(10, "limit")
                .Cost(ReportCosts.EnvironmentScan)
                .ResolveAsync(c => c.SourceAs<ActivityNode>().TopAsync(c.Argument<Dimension>("by"), c.Argument<int>("limit"))))
            .Field("trend", "[SlicePoint!]!", f => f
                .Description("The measure per day, week or month over the period, oldest first, every bucket present.")
                .Argument("interval", "Interval", a => a.Description(Buckets).DefaultValue(Granularity.Day))
                .ListSize(ReportCosts.Buckets)
                .Cost(ReportCosts.EnvironmentScan)
                .ResolveAsync(async c =>
                {
                    var node = c.SourceAs<ActivityNode>();
                    var buckets = await node.TrendAsync(c.Argument("interval", Granularity.Day)).ConfigureAwait(false);
                    return buckets.Select(b => new SlicePoint(node.BucketStart(b), b.Value)).ToArray();
                })))
        .Object("SliceEntry", t => t
            .Description("One group of a custom question's top list.")
            .Value<Ranked<TopEntry>>("rank", "Int!", "Position in the list, 1 for the largest.", r => r.Rank)
            .Value<Ranked<TopEntry>>("key", "String!", "The group's key: an id, a normalized text, a wire name (event type, channel), or a filter's field.", r => r.Item.Key)
            .Value<Ranked<TopEntry>>("filterValue", "String", "For `SEARCH_FILTER`: the filter's value (`key` is its field); null otherwise.", r => r.Item.SecondKey)
            .Value<Ranked<TopEntry>>("name", "String", "A display name for the key when events carry one (assets, collections, reference images); null otherwise.", r => r.Item.Name)
            .Value<Ranked<TopEntry>>("value", "Int!", "The measure within the group.", r => r.Item.Value))
        .Object("SlicePoint", t => t
            .Description("One bucket of a custom question's trend.")
            .Value<SlicePoint>("start", "Date!", "The first day of the bucket, in the environment's time zone.", p => p.Start)
            .Value<SlicePoint>("value", "Int!", "The measure in the bucket; 0 when nothing matched.", p => p.Value));
}

/// <summary>A bucket of a custom trend with its local first day.</summary>
internal sealed record SlicePoint(DateOnly Start, long Value);
