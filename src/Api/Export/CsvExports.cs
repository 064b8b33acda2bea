namespace GraphReports.Api.Export;

/// <summary>
/// Every trend and top list of the report schema, fetchable as <c>/export/{section}/{figure}.csv</c>.
/// A test checks that every list field of every report object is listed here.
/// </summary>
public static class CsvExports
{
    private static readonly CsvColumn[] MonthValue = [new("month", "month"), new("value", "value")];
    private static readonly CsvColumn[] RankedText = [new("rank", "rank"), new("text", "text"), new("count", "count")];
    private static readonly CsvColumn[] RankedAsset = [new("rank", "rank"), new("asset_id", "asset.id"), new("asset_name", "asset.name"), new("count", "count")];
    private static readonly CsvColumn[] RankedCollection = [new("rank", "rank"), new("collection_id", "collection.id"), new("collection_name", "collection.name"), new("count", "count")];

    private const string FigureSelection = "{ current previous change changePercent previousToDate changeToDate changePercentToDate }";
    private const string SummaryFigures = $"activeUsers {FigureSelection} uploads {FigureSelection} searches {FigureSelection} downloads {FigureSelection} collectionsViewed {FigureSelection}";
    private const string TrendSelection = "month value";
    private const string TextSelection = "rank text count";
    private const string AssetSelection = "rank asset { id name } count";
    private const string CollectionSelection = "rank collection { id name } count";

    public static IReadOnlyList<CsvExport> All { get; } =
    [
        new("summary", "figures", SummaryFigures,
            [new("figure", "$field"), new("current", "current"), new("previous", "previous"), new("change", "change"), new("change_percent", "changePercent"),
                new("previous_to_date", "previousToDate"), new("change_to_date", "changeToDate"), new("change_percent_to_date", "changePercentToDate")],
            IsTopList: false) { RowsAreFields = true },

        new("engagement", "topUsers", "rank user searches downloads uploads total",
            [new("rank", "rank"), new("user", "user"), new("searches", "searches"), new("downloads", "downloads"), new("uploads", "uploads"), new("total", "total")],
            IsTopList: true),
        Trend("engagement", "engagedUsersTrend"),
        Trend("engagement", "activeSessionsTrend"),

        new("search", "topSearches", TextSelection, RankedText, IsTopList: true),
        new("search", "topFilterValues", "rank field value count",
            [new("rank", "rank"), new("field", "field"), new("value", "value"), new("count", "count")], IsTopList: true),
        new("search", "topExpressions", TextSelection, RankedText, IsTopList: true),
        new("search", "topReferenceImages", AssetSelection, RankedAsset, IsTopList: true),
        new("search", "topVisualSearchTerms", TextSelection, RankedText, IsTopList: true),
        new("search", "topSearchesWithoutResults", TextSelection, RankedText, IsTopList: true),
        Trend("search", "searchesTrend"),
        Trend("search", "searchersTrend"),

        new("downloads", "topAssets", AssetSelection, RankedAsset, IsTopList: true),
        Trend("downloads", "uniqueAssetsTrend"),
        Trend("downloads", "downloadsTrend"),
        Trend("downloads", "downloadersTrend"),

        new("collections", "topViewed", CollectionSelection, RankedCollection, IsTopList: true),
        new("collections", "topDownloaded", CollectionSelection, RankedCollection, IsTopList: true),
        new("collections", "topCreators", "rank user count", [new("rank", "rank"), new("user", "user"), new("count", "count")], IsTopList: true),
        Trend("collections", "viewsTrend"),
        new("collections", "downloadsTrend", "month original transformed total",
            [new("month", "month"), new("original", "original"), new("transformed", "transformed"), new("total", "total")], IsTopList: false),
        Trend("collections", "createdTrend"),
    ];

    private static readonly Dictionary<(string, string), CsvExport> ByName =
        All.ToDictionary(e => (e.Section, e.Figure));

    /// <summary>The export of <paramref name="section"/>/<paramref name="figure"/> (case-sensitive, as in the schema), or null.</summary>
    public static CsvExport? Find(string section, string figure) => ByName.GetValueOrDefault((section, figure));

    private static CsvExport Trend(string section, string figure) => new(section, figure, TrendSelection, MonthValue, IsTopList: false);
}
