using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using GraphReports.Api.Reports.Nodes;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Types;

namespace GraphReports.Api.Reports.Schema;

/// <summary>
/// <c>Query.environment</c> and the <c>Environment</c> object: the only way in, resolved from the
/// request's API key, so no argument anywhere can reach another environment.
/// </summary>
internal static class EnvironmentType
{
    public static SchemaBuilder AddEnvironment(this SchemaBuilder schema, Func<ResolveFieldContext, ReportScope> openScope) => schema
        .Query("Query", q => q
            .Description("The entry point of every report query.")
            .Field("environment", "Environment!", f => f
                .Description("""
                    The product environment that the API key of this request belongs to. Every figure below it
                    counts only this environment's events. Fails with code `UNAUTHENTICATED` when the request
                    carries no valid key.
                    """)
                .Resolve(c => openScope(c))))
        .Object("Environment", t => t
            .Description("""
                A product environment (a tenant): one media library with its users, assets, collections and
                tracked web pages. Its time zone decides where months begin and end.
                """)
            .Value<ReportScope>("id", "ID!", "The environment's identifier.", s => s.Environment.Id)
            .Value<ReportScope>("name", "String!", "The environment's display name.", s => s.Environment.Name)
            .Value<ReportScope>("timeZone", "String!", "The IANA time zone (for example `Europe/Paris`) in which this environment's months and days begin and end.", s => s.Environment.TimeZone.Id)
            .Value<ReportScope>("currentMonth", "Month!", "The month now open in the environment's time zone: the listed month of any report asked without `month`.", s => s.CurrentMonth)
            .Field("summary", "Summary!", f => f
                .Description("The headline figures of a month, each with the previous month's value and the change.")
                .MonthArgument()
                .IncludeBulkArgument("Also count downloads that were part of a bulk download (folder or multi-select) in `downloads`.")
                .Resolve(c => new SummaryNode(Scope(c), Context(c), c.Argument<bool>("includeBulk"))))
            .Field("engagement", "Engagement!", f => f
                .Description("Who is engaged: the most active users, and the engaged users and active sessions over a year.")
                .MonthArgument()
                .IncludeBulkArgument("Also count bulk downloads in the users' download breakdown (engaged users count anyone who downloaded, bulk or not).")
                .Resolve(c => new EngagementNode(Scope(c), Context(c), c.Argument<bool>("includeBulk"))))
            .Field("search", "SearchReport!", f => f
                .Description("What people search for in the media library, how, and whether they find it.")
                .MonthArgument()
                .Resolve(c => new SearchNode(Scope(c), Context(c))))
            .Field("downloads", "DownloadsReport!", f => f
                .Description("What is downloaded from the media library, and by how many people.")
                .MonthArgument()
                .IncludeBulkArgument("Also count downloads that were part of a bulk download (folder or multi-select).")
                .Resolve(c => new DownloadsNode(Scope(c), Context(c), c.Argument<bool>("includeBulk"))))
            .Field("collections", "CollectionsReport!", f => f
                .Description("Collections: the public ones viewed and downloaded through their link, and the ones created.")
                .MonthArgument()
                .Resolve(c => new CollectionsNode(Scope(c), Context(c))))
            .Field("asset", "AssetInsights", f => f
                .Description("""
                    Web performance and usage of one asset over a period. Fails with code `NOT_FOUND` (and the field
                    is null) when this environment has no event about the asset.
                    """)
                .Argument("id", "ID!", a => a.Description("The asset's identifier, as the media library sends it in events."))
                .Argument("month", "Month", a => a.Description(Descriptions.PeriodMonth))
                .Argument("period", "PeriodInput", a => a.Description(Descriptions.PeriodRange))
                .Cost(ReportCosts.AssetScan)
                .ResolveAsync(c => AssetNode.LoadAsync(Scope(c), c.Argument<string>("id"), c.Argument<Month?>("month"), c.Argument<PeriodArgument?>("period"))))
            .Field("folder", "FolderInsights", f => f
                .Description("""
                    Every asset of a folder and of its subfolders with its web performance and usage over a period,
                    sorted and paged. An asset belongs to the folder when an event of the period names it in that
                    folder. Fails with code `NOT_FOUND` (and the field is null) when no event of this environment
                    ever named an asset in that folder.
                    """)
                .Argument("path", "String!", a => a.Description("The folder's path, `/`-separated, without leading slash (for example `marketing/2026`); `\"\"` is the whole library (sorted by `POPULARITY_SCORE`, its top assets)."))
                .Argument("month", "Month", a => a.Description(Descriptions.PeriodMonth))
                .Argument("period", "PeriodInput", a => a.Description(Descriptions.PeriodRange))
                .Argument("sortBy", "AssetSort", a => a.Description("What the assets are sorted by; ties are broken by asset id, ascending.").DefaultValue(AssetInsightOrder.PopularityScore))
                .Argument("order", "SortOrder", a => a.Description("The sort direction. Assets without a value (a null click-through rate, average rating or score) come last either way.").DefaultValue(SortOrder.Desc))
                .Argument("page", "Int", a => a.Description("The page to return, 1 for the first.").DefaultValue(1))
                .Argument("pageSize", "Int", a => a.Description("How many assets a page holds, 1 to 100.").DefaultValue(20))
                .Cost(ReportCosts.EnvironmentScan) // the page's figures: one scan of the folder's events of the period
                .ResolveAsync(c => FolderNode.LoadAsync(Scope(c), c.Argument<string>("path"), c.Argument<Month?>("month"), c.Argument<PeriodArgument?>("period"),
                    c.Argument("sortBy", AssetInsightOrder.PopularityScore), c.Argument("order", SortOrder.Desc) == SortOrder.Desc,
                    c.Argument("page", 1), c.Argument("pageSize", 20))))
            .SiteKeysField()
            .EmbedCodeField()
            .Field("activity", "ActivitySlice!", f => f
                .Description("""
                    A custom question: any slice of the activity, measured as events or distinct users, assets,
                    sessions or collections, answered as a total, a top list or a trend. The fixed reports are
                    built on the same mechanism.
                    """)
                .Argument("filter", "ActivityFilter", a => a.Description("Which events to count. Without a filter, every event of the current month counts."))
                .Argument("measure", "Measure", a => a.Description("What to count among the events that match the filter.").DefaultValue(MeasureKind.Events))
                .Resolve(c => ActivityFilterArgument.Slice(Scope(c), c.Argument<ActivityFilterArgument?>("filter") ?? new ActivityFilterArgument(), c.Argument("measure", MeasureKind.Events)))));

    private static ReportScope Scope(ResolveFieldContext context) => context.SourceAs<ReportScope>();

    private static ReportContext Context(ResolveFieldContext context) =>
        ReportArguments.Context(context.Argument<Month?>("month"), Scope(context));
}
