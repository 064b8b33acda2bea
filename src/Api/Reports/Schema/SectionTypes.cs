using GraphReports.Analytics.Events;
using GraphReports.Analytics.Reports;
using GraphReports.Api.Reports.Nodes;
using GraphReports.GraphQL.Types;
using static GraphReports.Api.Reports.Schema.Descriptions;

namespace GraphReports.Api.Reports.Schema;

/// <summary>The monthly report sections (REPORTS.md §3): summary, engagement, search, downloads, collections.</summary>
internal static class SectionTypes
{
    public static SchemaBuilder AddSections(this SchemaBuilder schema) => schema
        .Interface("Report", t => t
            .Description("The parts every monthly report shares: which month it is about, whether that month is over, and which figures are estimates.")
            .Field("month", "Month!", f => f.Description(ReportMonth))
            .Field("closed", "Boolean!", f => f.Description(Closed))
            .Field("approximateFigures", "[String!]!", f => f.Description(ApproximateFigures)))
        .Object("Summary", t => t
            .Description("The headline figures of a month, each compared with the month before.")
            .ReportHeader<SummaryNode>()
            .Value<SummaryNode>("previousMonth", "Month!", "The month the figures are compared with: the one before the listed month.", s => s.PreviousMonth)
            .Value<SummaryNode>("includesBulk", "Boolean!", "Whether `downloads` counts bulk downloads (the `includeBulk` argument).", s => s.IncludesBulk)
            .Value<SummaryNode>("previousToDateUntil", "String",
                "While the listed month is open: where the previous month's span of the `...ToDate` figures ends, as an RFC 3339 date-time in the environment's offset (the span starts at the previous month's first instant). Null for a closed month.",
                s => s.PreviousToDateUntil)
            .Loaded<SummaryNode, Comparison>("activeUsers", "Figure!", "Distinct users with at least one search, download (bulk or not) or upload in the month.", s => s.ActiveUsersAsync())
            .Loaded<SummaryNode, Comparison>("uploads", "Figure!", "Upload events; a bulk upload counts each of its assets.", s => s.UploadsAsync())
            .Loaded<SummaryNode, Comparison>("searches", "Figure!", "Searches of every kind, repeats included.", s => s.SearchesAsync())
            .Loaded<SummaryNode, Comparison>("downloads", "Figure!", "Media-library download events; bulk downloads only when `includeBulk` is true.", s => s.DownloadsAsync())
            .Loaded<SummaryNode, Comparison>("collectionsViewed", "Figure!", "Views of public collections through their public link.", s => s.CollectionsViewedAsync()))
        .Object("Figure", t => t
            .Description("A count for the listed month, next to the same count for the month before.")
            .Value<Comparison>("current", "Int!", "The value in the listed month.", c => c.Current)
            .Value<Comparison>("previous", "Int!", "The value in the month before the listed month.", c => c.Previous)
            .Value<Comparison>("change", "Int!", "`current - previous`: positive when the figure grew.", c => c.Change)
            .Value<Comparison>("changePercent", "Float", "`100 × (current - previous) / previous`, unrounded; null when `previous` is 0.", c => c.PercentChange)
            .Value<Comparison>("previousToDate", "Int", ToDate + " The value in the month before over the same elapsed span: from its first instant to the same day and wall-clock time (the whole month when it is shorter). Null for a closed month.", c => c.PreviousToDate)
            .Value<Comparison>("changeToDate", "Int", ToDate + " `current - previousToDate`. Null for a closed month.", c => c.ChangeToDate)
            .Value<Comparison>("changePercentToDate", "Float", ToDate + " `100 × (current - previousToDate) / previousToDate`, unrounded; null for a closed month or when `previousToDate` is 0.", c => c.PercentChangeToDate))
        .Object("TrendPoint", t => t
            .Description("One month of a trend: a year of values ending with the listed month.")
            .Value<TrendPoint>("month", "Month!", "The month this value is about.", p => p.Month)
            .Value<TrendPoint>("value", "Int!", "The figure in that month; 0 when nothing happened.", p => p.Value)
            .Value<TrendPoint>("partial", "Boolean!", Partial, p => p.Partial))
        .Object("Engagement", t => t
            .Description("Who is engaged with the media library.")
            .ReportHeader<EngagementNode>()
            .Value<EngagementNode>("includesBulk", "Boolean!", "Whether the users' `downloads` count bulk downloads (the `includeBulk` argument).", s => s.IncludesBulk)
            .TopList<EngagementNode, IReadOnlyList<Ranked<EngagedUser>>>("topUsers", "[EngagedUser!]!",
                "Users ranked by searches + downloads + uploads in the listed month, with that breakdown. Users with a total of 0 are not listed; ties are broken by user id.",
                "users", (s, limit) => s.TopUsersAsync(limit))
            .Loaded<EngagementNode, IReadOnlyList<TrendPoint>>("engagedUsersTrend", "[TrendPoint!]!", "Distinct users with a search, download (bulk or not) or upload, per month: " + Trend, s => s.EngagedUsersTrendAsync())
            .Loaded<EngagementNode, IReadOnlyList<TrendPoint>>("activeSessionsTrend", "[TrendPoint!]!", "Distinct sessions (of any event carrying a session), per month: " + Trend, s => s.ActiveSessionsTrendAsync()))
        .Object("EngagedUser", t => t
            .Description("A user's activity in the listed month.")
            .Value<Ranked<EngagedUser>>("rank", "Int!", "Position in the list, 1 for the most engaged.", r => r.Rank)
            .Value<Ranked<EngagedUser>>("user", "ID!", "The media-library user id.", r => r.Item.User)
            .Value<Ranked<EngagedUser>>("searches", "Int!", "Searches of every kind.", r => r.Item.Searches)
            .Value<Ranked<EngagedUser>>("downloads", "Int!", "Media-library downloads; bulk downloads only when the report's `includesBulk` is true.", r => r.Item.Downloads)
            .Value<Ranked<EngagedUser>>("uploads", "Int!", "Uploads.", r => r.Item.Uploads)
            .Value<Ranked<EngagedUser>>("total", "Int!", "`searches + downloads + uploads`: the ranking figure.", r => r.Item.Total))
        .Object("SearchReport", t => t
            .Description("What people search for in the media library, how, and whether they find it.")
            .ReportHeader<SearchNode>()
            .TopList<SearchNode, IReadOnlyList<Ranked<RankedItem>>>("topSearches", "[RankedText!]!",
                "The most frequent free texts (searches of kind `text`), compared case-insensitively with white space normalized.", "entries", (s, l) => s.TopSearchesAsync(l))
            .TopList<SearchNode, IReadOnlyList<Ranked<RankedFilterPair>>>("topFilterValues", "[RankedFilter!]!",
                "The most used filter pairs (`field`, `value`) over searches of every kind; a search with three filters counts once for each.", "entries", (s, l) => s.TopFilterValuesAsync(l))
            .TopList<SearchNode, IReadOnlyList<Ranked<RankedItem>>>("topExpressions", "[RankedText!]!",
                "The most frequent advanced queries (searches of kind `expression` or `query_builder`), white space normalized.", "entries", (s, l) => s.TopExpressionsAsync(l))
            .TopList<SearchNode, IReadOnlyList<Ranked<RankedItem>>>("topReferenceImages", "[RankedAsset!]!",
                "The images most used as the reference of a similarity search (kind `visual_image`).", "entries", (s, l) => s.TopReferenceImagesAsync(l))
            .TopList<SearchNode, IReadOnlyList<Ranked<RankedItem>>>("topVisualSearchTerms", "[RankedText!]!",
                "The most frequent natural-language visual searches (kind `visual_text`), normalized like free texts.", "entries", (s, l) => s.TopVisualSearchTermsAsync(l))
            .TopList<SearchNode, IReadOnlyList<Ranked<RankedItem>>>("topSearchesWithoutResults", "[RankedText!]!",
                "The most frequent free texts (kind `text`) of searches that found nothing (`results` = 0).", "entries", (s, l) => s.TopSearchesWithoutResultsAsync(l))
            .Loaded<SearchNode, IReadOnlyList<TrendPoint>>("searchesTrend", "[TrendPoint!]!", "Searches of every kind per month, repeats included: " + Trend, s => s.SearchesTrendAsync())
            .Loaded<SearchNode, IReadOnlyList<TrendPoint>>("searchersTrend", "[TrendPoint!]!", "Distinct users who searched, per month: " + Trend, s => s.SearchersTrendAsync())
            .Loaded<SearchNode, Rate>("success", "SearchSuccess!", "How often a search session leads to a download.", s => s.SuccessAsync()))
        .Object("SearchSuccess", t => t
            .Description("Whether searching leads somewhere: among the sessions of the listed month with at least one search, those in which a download (bulk or not) followed the session's first search.")
            .Value<Rate>("searchSessions", "Int!", "Sessions of the listed month with at least one search.", r => r.Denominator)
            .Value<Rate>("successfulSessions", "Int!", "Of those, the sessions with a download after the session's first search.", r => r.Numerator)
            .Value<Rate>("rate", "Float", "`successfulSessions / searchSessions`, between 0 and 1; null when no session searched.", r => r.Value))
        .Object("RankedText", t => t
            .Description("A normalized text and how often it occurred.")
            .Value<Ranked<RankedItem>>("rank", "Int!", "Position in the list, 1 for the most frequent; ties are broken by text (ordinal order).", r => r.Rank)
            .Value<Ranked<RankedItem>>("text", "String!", "The normalized text: surrounding white space removed, inner runs of white space collapsed (and lower-cased for free texts).", r => r.Item.Key)
            .Value<Ranked<RankedItem>>("count", "Int!", "How many times it occurred.", r => r.Item.Count))
        .Object("RankedFilter", t => t
            .Description("A search filter pair and how often it was used.")
            .Value<Ranked<RankedFilterPair>>("rank", "Int!", "Position in the list, 1 for the most used; ties are broken by field, then value (ordinal order).", r => r.Rank)
            .Value<Ranked<RankedFilterPair>>("field", "String!", "The filtered field (a tag, a folder, a metadata field...).", r => r.Item.Field)
            .Value<Ranked<RankedFilterPair>>("value", "String!", "The value it was filtered on.", r => r.Item.Value)
            .Value<Ranked<RankedFilterPair>>("count", "Int!", "How many searches used this pair.", r => r.Item.Count))
        .Object("RankedAsset", t => t
            .Description("An asset and how often something happened to it.")
            .Value<Ranked<RankedItem>>("rank", "Int!", "Position in the list, 1 for the most frequent; ties are broken by asset id (ordinal order).", r => r.Rank)
            .Value<Ranked<RankedItem>>("asset", "Asset!", "The asset.", r => new AssetRef(r.Item.Key, r.Item.Name))
            .Value<Ranked<RankedItem>>("count", "Int!", "How many times it happened.", r => r.Item.Count))
        .Object("RankedCollection", t => t
            .Description("A collection and how often something happened to it.")
            .Value<Ranked<RankedItem>>("rank", "Int!", "Position in the list, 1 for the most frequent; ties are broken by collection id (ordinal order).", r => r.Rank)
            .Value<Ranked<RankedItem>>("collection", "Collection!", "The collection.", r => new CollectionRef(r.Item.Key, r.Item.Name))
            .Value<Ranked<RankedItem>>("count", "Int!", "How many times it happened.", r => r.Item.Count))
        .Object("RankedUser", t => t
            .Description("A user and how often they did something.")
            .Value<Ranked<RankedItem>>("rank", "Int!", "Position in the list, 1 for the most active; ties are broken by user id (ordinal order).", r => r.Rank)
            .Value<Ranked<RankedItem>>("user", "ID!", "The media-library user id.", r => r.Item.Key)
            .Value<Ranked<RankedItem>>("count", "Int!", "How many times they did it.", r => r.Item.Count))
        .Object("Asset", t => t
            .Description("An asset of the media library, as its events describe it.")
            .Value<AssetRef>("id", "ID!", "The asset's identifier.", a => a.Id)
            .Value<AssetRef>("name", "String", "The asset's display name, as last sent in an event; null when no event named it.", a => a.Name))
        .Object("Collection", t => t
            .Description("A collection of assets, as its events describe it.")
            .Value<CollectionRef>("id", "ID!", "The collection's identifier.", c => c.Id)
            .Value<CollectionRef>("name", "String", "The collection's display name, as last sent in an event; null when no event named it.", c => c.Name))
        .Object("DownloadsReport", t => t
            .Description("What is downloaded from the media library. Public-collection downloads are in `collections`.")
            .ReportHeader<DownloadsNode>()
            .Value<DownloadsNode>("includesBulk", "Boolean!", "Whether the figures count bulk downloads (the `includeBulk` argument).", s => s.IncludesBulk)
            .TopList<DownloadsNode, IReadOnlyList<Ranked<RankedItem>>>("topAssets", "[RankedAsset!]!", "The most downloaded assets of the listed month.", "assets", (s, l) => s.TopAssetsAsync(l))
            .Loaded<DownloadsNode, IReadOnlyList<TrendPoint>>("uniqueAssetsTrend", "[TrendPoint!]!", "Distinct assets downloaded, per month: " + Trend, s => s.UniqueAssetsTrendAsync())
            .Loaded<DownloadsNode, IReadOnlyList<TrendPoint>>("downloadsTrend", "[TrendPoint!]!", "Download events per month: " + Trend, s => s.DownloadsTrendAsync())
            .Loaded<DownloadsNode, IReadOnlyList<TrendPoint>>("downloadersTrend", "[TrendPoint!]!", "Distinct users who downloaded, per month: " + Trend, s => s.DownloadersTrendAsync()))
        .Object("CollectionsReport", t => t
            .Description("Collections: public ones viewed and downloaded through their link by outside stakeholders, and the ones created in the media library.")
            .ReportHeader<CollectionsNode>()
            .TopList<CollectionsNode, IReadOnlyList<Ranked<RankedItem>>>("topViewed", "[RankedCollection!]!", "The public collections most viewed through their link in the listed month.", "collections", (s, l) => s.TopViewedAsync(l))
            .TopList<CollectionsNode, IReadOnlyList<Ranked<RankedItem>>>("topDownloaded", "[RankedCollection!]!", "The public collections from which the most assets were downloaded in the listed month.", "collections", (s, l) => s.TopDownloadedAsync(l))
            .TopList<CollectionsNode, IReadOnlyList<Ranked<RankedItem>>>("topCreators", "[RankedUser!]!", "The users who created the most collections in the listed month.", "users", (s, l) => s.TopCreatorsAsync(l))
            .Loaded<CollectionsNode, IReadOnlyList<TrendPoint>>("viewsTrend", "[TrendPoint!]!", "Public collection views per month: " + Trend, s => s.ViewsTrendAsync())
            .Loaded<CollectionsNode, IReadOnlyList<DownloadSplitPoint>>("downloadsTrend", "[CollectionDownloadsPoint!]!", "Downloads from public collections per month, split into original files and transformed ones: " + Trend, s => s.DownloadsTrendAsync())
            .Loaded<CollectionsNode, IReadOnlyList<TrendPoint>>("createdTrend", "[TrendPoint!]!", "Collections created per month: " + Trend, s => s.CreatedTrendAsync()))
        .Object("CollectionDownloadsPoint", t => t
            .Description("One month of public-collection downloads.")
            .Value<DownloadSplitPoint>("month", "Month!", "The month these values are about.", p => p.Month)
            .Value<DownloadSplitPoint>("original", "Int!", "Downloads of the original file (no transformation preset).", p => p.Original)
            .Value<DownloadSplitPoint>("transformed", "Int!", "Downloads with a transformation preset applied (watermark, resize...).", p => p.Transformed)
            .Value<DownloadSplitPoint>("total", "Int!", "`original + transformed`.", p => p.Total)
            .Value<DownloadSplitPoint>("partial", "Boolean!", Partial, p => p.Partial));

    private const string ToDate = "For an open month, a fair comparison: `current` counts the month so far.";

    private const string Partial = "True while that month is still open in the environment's time zone: its value counts the month so far, not a whole month.";

    /// <summary>The <c>Report</c> interface's fields, implemented by a section node.</summary>
    private static ObjectTypeBuilder ReportHeader<TNode>(this ObjectTypeBuilder type)
        where TNode : SectionNode => type
        .Implements("Report")
        .Value<TNode>("month", "Month!", ReportMonth, s => s.Month)
        .Value<TNode>("closed", "Boolean!", Closed, s => s.Closed)
        .Loaded<TNode, IReadOnlyList<string>>("approximateFigures", "[String!]!", ApproximateFigures, s => s.ApproximateFiguresAsync());
}
