using GraphReports.Analytics.Time;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.GraphQL.Types;

namespace GraphReports.Api.Reports.Schema;

/// <summary>The report schema's enums, mapped from the domain's own enums so resolvers receive domain values.</summary>
internal static class ReportEnums
{
    public static SchemaBuilder AddReportEnums(this SchemaBuilder schema) => schema
        .Enum<EventType>(e => e
            .Description("The kinds of events GraphReports takes in.")
            .Value(EventType.SessionStarted, configure: v => v.Description("`session.started`: a user signed in to the media library."))
            .Value(EventType.Search, configure: v => v.Description("`search`: one search run in the media library."))
            .Value(EventType.Download, configure: v => v.Description("`download`: one asset downloaded from the media library."))
            .Value(EventType.Upload, configure: v => v.Description("`upload`: one asset uploaded to the media library."))
            .Value(EventType.CollectionCreated, configure: v => v.Description("`collection.created`: a collection was created."))
            .Value(EventType.CollectionViewed, configure: v => v.Description("`collection.viewed`: a public collection was opened through its public link."))
            .Value(EventType.CollectionDownloaded, configure: v => v.Description("`collection.downloaded`: an asset was downloaded from a public collection."))
            .Value(EventType.AssetImpression, configure: v => v.Description("`asset.impression`: an image was loaded on a tracked web page."))
            .Value(EventType.AssetClick, configure: v => v.Description("`asset.click`: an image on a tracked web page was clicked."))
            .Value(EventType.AssetRated, configure: v => v.Description("`asset.rated`: a rating was given to an asset."))
            .Value(EventType.AssetUsed, configure: v => v.Description("`asset.used`: an asset was used in a channel.")))
        .Enum<SearchKind>(e => e
            .Description("How a search was run.")
            .Value(SearchKind.Text, configure: v => v.Description("`text`: free text, possibly with filters."))
            .Value(SearchKind.Filters, configure: v => v.Description("`filters`: filters only."))
            .Value(SearchKind.Expression, configure: v => v.Description("`expression`: an advanced query combining several criteria."))
            .Value(SearchKind.QueryBuilder, configure: v => v.Description("`query_builder`: a query assembled in the query builder."))
            .Value(SearchKind.VisualText, configure: v => v.Description("`visual_text`: a natural-language visual search."))
            .Value(SearchKind.VisualImage, configure: v => v.Description("`visual_image`: images similar to a reference image.")))
        .Enum<UsageChannel>(e => e
            .Description("Where an asset was used (`asset.used` events).")
            .Value(UsageChannel.Collection, configure: v => v.Description("`collection`: put in a collection or a compound asset."))
            .Value(UsageChannel.WebMobile, configure: v => v.Description("`web_mobile`: used on a web or mobile page."))
            .Value(UsageChannel.Social, configure: v => v.Description("`social`: used in a social-media post."))
            .Value(UsageChannel.Email, configure: v => v.Description("`email`: used in an email.")))
        .Enum<Granularity>(e => e
            .Description("The size of the buckets of a time series, in the environment's time zone.")
            .Value(Granularity.Day, configure: v => v.Description("Calendar days."))
            .Value(Granularity.Week, configure: v => v.Description("Weeks from Monday to Sunday."))
            .Value(Granularity.Month, configure: v => v.Description("Calendar months.")),
            name: "Interval")
        .Enum<AssetInsightOrder>(e => e
            .Description("What a folder view's assets can be sorted by.")
            .Value(AssetInsightOrder.AssetId, configure: v => v.Description("The asset id, in ordinal order."))
            .Value(AssetInsightOrder.Impressions, configure: v => v.Description("Impressions on tracked web pages."))
            .Value(AssetInsightOrder.Clicks, configure: v => v.Description("Clicks on tracked web pages."))
            .Value(AssetInsightOrder.ClickThroughRate, configure: v => v.Description("Clicks divided by impressions."))
            .Value(AssetInsightOrder.RatingsCount, "RATING_COUNT", v => v.Description("How many ratings were given."))
            .Value(AssetInsightOrder.AverageRating, configure: v => v.Description("The mean rating."))
            .Value(AssetInsightOrder.Usage, configure: v => v.Description("Uses in every channel."))
            .Value(AssetInsightOrder.PopularityScore, configure: v => v.Description("The popularity score (0 to 100).")),
            name: "AssetSort")
        .Enum<SortOrder>(e => e
            .Description("A sort direction.")
            .Value(SortOrder.Asc, configure: v => v.Description("Smallest first."))
            .Value(SortOrder.Desc, configure: v => v.Description("Largest first.")))
        .Enum<MeasureKind>(e => e
            .Description("What a custom question counts among the matching events.")
            .Value(MeasureKind.Events, configure: v => v.Description("Events."))
            .Value(MeasureKind.DistinctUsers, "USERS", v => v.Description("Distinct media-library users (events without a user are not counted)."))
            .Value(MeasureKind.DistinctAssets, "ASSETS", v => v.Description("Distinct assets."))
            .Value(MeasureKind.DistinctSessions, "SESSIONS", v => v.Description("Distinct media-library sessions."))
            .Value(MeasureKind.DistinctCollections, "COLLECTIONS", v => v.Description("Distinct collections."))
            // The catalogue's internal measures (rating sums, weighted counts, conversions) serve fixed figures only.
            .Ignore(MeasureKind.RatingSum)
            .Ignore(MeasureKind.WeightedEvents)
            .Ignore(MeasureKind.SessionsConverted),
            name: "Measure")
        .Enum<Dimension>(e => e
            .Description("What a custom question's top list groups by. Events without a value for the dimension are left out.")
            .Value(Dimension.User, configure: v => v.Description("The media-library user."))
            .Value(Dimension.Asset, configure: v => v.Description("The asset (its name travels alongside)."))
            .Value(Dimension.Collection, configure: v => v.Description("The collection (its name travels alongside)."))
            .Value(Dimension.SearchText, configure: v => v.Description("The normalized text of a search (free text or visual text: filter on `searchKinds` to choose)."))
            .Value(Dimension.Expression, "SEARCH_EXPRESSION", v => v.Description("The normalized expression of an advanced search."))
            .Value(Dimension.FilterPair, "SEARCH_FILTER", v => v.Description("A search filter pair: `key` is the field and `filterValue` the value; a search counts once for each of its pairs."))
            .Value(Dimension.ReferenceImage, configure: v => v.Description("The reference image of a similarity search (its name travels alongside)."))
            .Value(Dimension.Channel, configure: v => v.Description("The channel an asset was used in (wire name, for example `web_mobile`)."))
            .Value(Dimension.Session, configure: v => v.Description("The media-library session."))
            .Value(Dimension.EventType, configure: v => v.Description("The event type (wire name, for example `asset.click`).")));
}

/// <summary>A sort direction of the folder view.</summary>
public enum SortOrder
{
    Asc = 1,
    Desc = 2,
}
