using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>The mapped field names the compiler reads (see <c>Indexing/index-template.json</c>).</summary>
internal static class Fields
{
    public const string Environment = "environment", Type = "type", Timestamp = "timestamp", User = "user", Session = "session";
    public const string AssetId = "asset.id", AssetFolders = "asset.folders", CollectionId = "collection.id", Channel = "channel", Rating = "rating";
    public const string SearchKind = "search.kind", SearchResults = "search.results", TextKey = "search.text_key", ExpressionKey = "search.expression_key";
    public const string FilterPairs = "search.filter_pairs", ReferenceId = "search.reference.id";
    public const string DownloadBulk = "download.bulk", DownloadPreset = "download.preset";

    /// <summary>The keyword field a dimension groups by.</summary>
    public static string Of(Dimension dimension) => dimension switch
    {
        Dimension.User => User,
        Dimension.Asset => AssetId,
        Dimension.Collection => CollectionId,
        Dimension.SearchText => TextKey,
        Dimension.Expression => ExpressionKey,
        Dimension.FilterPair => FilterPairs,
        Dimension.ReferenceImage => ReferenceId,
        Dimension.Channel => Channel,
        Dimension.Session => Session,
        Dimension.EventType => Type,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The <c>_source</c> path of the display name of a dimension's keys, when it has one.</summary>
    public static string? NameOf(Dimension dimension) => dimension switch
    {
        Dimension.Asset => "asset.name",
        Dimension.Collection => "collection.name",
        Dimension.ReferenceImage => "search.reference.name",
        _ => null,
    };

    /// <summary>The field a distinct measure counts.</summary>
    public static string Distinct(MeasureKind kind) => kind switch
    {
        MeasureKind.DistinctUsers => User,
        MeasureKind.DistinctAssets => AssetId,
        MeasureKind.DistinctSessions => Session,
        MeasureKind.DistinctCollections => CollectionId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a distinct measure"),
    };
}
