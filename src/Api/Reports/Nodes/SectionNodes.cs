using GraphReports.Analytics.Events;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Api.Reports.Nodes;

/// <summary>
/// What the monthly report objects share: their context, and <c>approximateFigures</c>, answered by
/// loading the whole section (its queries join the request's batch; on an exact store the list is
/// always empty) and naming the parts a store estimated with this schema's field names.
/// </summary>
public abstract class SectionNode(ReportScope scope, ReportContext context)
{
    public ReportScope Scope { get; } = scope;

    public ReportContext Context { get; } = context;

    public Month Month => Context.Month;

    public bool Closed => Context.IsClosed;

    public async Task<IReadOnlyList<string>> ApproximateFiguresAsync()
    {
        var answer = await Scope.LoadAnswerAsync(WholeSection()).ConfigureAwait(false);
        if (!answer.Approximate) return [];
        var names = FieldNames;
        return HeaderOf(answer.Value).ApproximateFigures.Select(n => names.GetValueOrDefault(n, n)).ToArray();
    }

    /// <summary>Every figure of the section, with default limits.</summary>
    protected abstract Figure<object> WholeSection();

    /// <summary>The catalogue's figure names that differ from this schema's field names.</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldNames { get; } = new Dictionary<string, string>();

    private static ReportHeader HeaderOf(object report) => report switch
    {
        SummaryReport r => r.Header,
        EngagementReport r => r.Header,
        SearchReport r => r.Header,
        DownloadsReport r => r.Header,
        CollectionsReport r => r.Header,
        _ => throw new InvalidOperationException($"{report.GetType().Name} is not a report section."),
    };
}

/// <summary>The <c>Summary</c> object.</summary>
public sealed class SummaryNode(ReportScope scope, ReportContext context, bool includeBulk) : SectionNode(scope, context)
{
    public bool IncludesBulk => includeBulk;

    public Month PreviousMonth => Month.Previous();

    /// <summary>The end of the previous month's to-date span in the environment's offset, RFC 3339; null for a closed month.</summary>
    public string? PreviousToDateUntil => Context.PreviousToDatePeriod is { } span
        ? TimeZoneInfo.ConvertTime(span.To, Context.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public Task<Comparison> ActiveUsersAsync() => Scope.LoadAsync(SummaryFigures.ActiveUsers(Context));

    public Task<Comparison> UploadsAsync() => Scope.LoadAsync(SummaryFigures.Uploads(Context));

    public Task<Comparison> SearchesAsync() => Scope.LoadAsync(SummaryFigures.Searches(Context));

    public Task<Comparison> DownloadsAsync() => Scope.LoadAsync(SummaryFigures.Downloads(Context, includeBulk));

    public Task<Comparison> CollectionsViewedAsync() => Scope.LoadAsync(SummaryFigures.CollectionsViewed(Context));

    protected override Figure<object> WholeSection() => SummaryFigures.Report(Context, includeBulk).Select(r => (object)r);
}

/// <summary>The <c>Engagement</c> object.</summary>
public sealed class EngagementNode(ReportScope scope, ReportContext context, bool includeBulk) : SectionNode(scope, context)
{
    public bool IncludesBulk => includeBulk;

    public async Task<IReadOnlyList<Ranked<EngagedUser>>> TopUsersAsync(int limit) =>
        Ranked<EngagedUser>.List(await Scope.LoadAsync(EngagementFigures.TopEngagedUsers(Context, ReportArguments.Limit(limit), includeBulk)).ConfigureAwait(false));

    public Task<IReadOnlyList<TrendPoint>> EngagedUsersTrendAsync() => Scope.LoadAsync(EngagementFigures.EngagedUsersTrend(Context));

    public Task<IReadOnlyList<TrendPoint>> ActiveSessionsTrendAsync() => Scope.LoadAsync(EngagementFigures.ActiveSessionsTrend(Context));

    protected override Figure<object> WholeSection() => EngagementFigures.Report(Context, includeBulk: includeBulk).Select(r => (object)r);

    protected override IReadOnlyDictionary<string, string> FieldNames { get; } = new Dictionary<string, string>
    {
        ["topEngagedUsers"] = "topUsers",
    };
}

/// <summary>The <c>SearchReport</c> object.</summary>
public sealed class SearchNode(ReportScope scope, ReportContext context) : SectionNode(scope, context)
{
    public Task<IReadOnlyList<Ranked<RankedItem>>> TopSearchesAsync(int limit) => Top(SearchFigures.TopSearches(Context, ReportArguments.Limit(limit)));

    public async Task<IReadOnlyList<Ranked<RankedFilterPair>>> TopFilterValuesAsync(int limit) =>
        Ranked<RankedFilterPair>.List(await Scope.LoadAsync(SearchFigures.TopFilterValues(Context, ReportArguments.Limit(limit))).ConfigureAwait(false));

    public Task<IReadOnlyList<Ranked<RankedItem>>> TopExpressionsAsync(int limit) => Top(SearchFigures.TopExpressions(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<Ranked<RankedItem>>> TopReferenceImagesAsync(int limit) => Top(SearchFigures.SimilaritySearchImages(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<Ranked<RankedItem>>> TopVisualSearchTermsAsync(int limit) => Top(SearchFigures.TopVisualSearchTerms(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<Ranked<RankedItem>>> TopSearchesWithoutResultsAsync(int limit) => Top(SearchFigures.SearchesThatFoundNothing(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<TrendPoint>> SearchesTrendAsync() => Scope.LoadAsync(SearchFigures.SearchesTrend(Context));

    public Task<IReadOnlyList<TrendPoint>> SearchersTrendAsync() => Scope.LoadAsync(SearchFigures.SearchersTrend(Context));

    public Task<Rate> SuccessAsync() => Scope.LoadAsync(SearchFigures.SearchSuccessRate(Context));

    private async Task<IReadOnlyList<Ranked<RankedItem>>> Top(Figure<IReadOnlyList<RankedItem>> figure) =>
        Ranked<RankedItem>.List(await Scope.LoadAsync(figure).ConfigureAwait(false));

    protected override Figure<object> WholeSection() => SearchFigures.Report(Context).Select(r => (object)r);

    protected override IReadOnlyDictionary<string, string> FieldNames { get; } = new Dictionary<string, string>
    {
        ["similaritySearchImages"] = "topReferenceImages",
        ["searchesThatFoundNothing"] = "topSearchesWithoutResults",
        ["searchSuccessRate"] = "success",
    };
}

/// <summary>The <c>DownloadsReport</c> object.</summary>
public sealed class DownloadsNode(ReportScope scope, ReportContext context, bool includeBulk) : SectionNode(scope, context)
{
    public bool IncludesBulk => includeBulk;

    public async Task<IReadOnlyList<Ranked<RankedItem>>> TopAssetsAsync(int limit) =>
        Ranked<RankedItem>.List(await Scope.LoadAsync(DownloadFigures.TopAssets(Context, ReportArguments.Limit(limit), includeBulk)).ConfigureAwait(false));

    public Task<IReadOnlyList<TrendPoint>> UniqueAssetsTrendAsync() => Scope.LoadAsync(DownloadFigures.UniqueAssetsTrend(Context, includeBulk));

    public Task<IReadOnlyList<TrendPoint>> DownloadsTrendAsync() => Scope.LoadAsync(DownloadFigures.TotalDownloadsTrend(Context, includeBulk));

    public Task<IReadOnlyList<TrendPoint>> DownloadersTrendAsync() => Scope.LoadAsync(DownloadFigures.DownloadersTrend(Context, includeBulk));

    protected override Figure<object> WholeSection() => DownloadFigures.Report(Context, includeBulk: includeBulk).Select(r => (object)r);

    protected override IReadOnlyDictionary<string, string> FieldNames { get; } = new Dictionary<string, string>
    {
        ["topDownloadedAssets"] = "topAssets",
        ["totalDownloadsTrend"] = "downloadsTrend",
    };
}

/// <summary>The <c>CollectionsReport</c> object.</summary>
public sealed class CollectionsNode(ReportScope scope, ReportContext context) : SectionNode(scope, context)
{
    public Task<IReadOnlyList<Ranked<RankedItem>>> TopViewedAsync(int limit) => Top(CollectionFigures.TopViewed(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<Ranked<RankedItem>>> TopDownloadedAsync(int limit) => Top(CollectionFigures.TopDownloaded(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<Ranked<RankedItem>>> TopCreatorsAsync(int limit) => Top(CollectionFigures.TopCreators(Context, ReportArguments.Limit(limit)));

    public Task<IReadOnlyList<TrendPoint>> ViewsTrendAsync() => Scope.LoadAsync(CollectionFigures.ViewsTrend(Context));

    public Task<IReadOnlyList<DownloadSplitPoint>> DownloadsTrendAsync() => Scope.LoadAsync(CollectionFigures.DownloadsTrend(Context));

    public Task<IReadOnlyList<TrendPoint>> CreatedTrendAsync() => Scope.LoadAsync(CollectionFigures.CreatedTrend(Context));

    private async Task<IReadOnlyList<Ranked<RankedItem>>> Top(Figure<IReadOnlyList<RankedItem>> figure) =>
        Ranked<RankedItem>.List(await Scope.LoadAsync(figure).ConfigureAwait(false));

    protected override Figure<object> WholeSection() => CollectionFigures.Report(Context).Select(r => (object)r);

    protected override IReadOnlyDictionary<string, string> FieldNames { get; } = new Dictionary<string, string>
    {
        ["topViewedCollections"] = "topViewed",
        ["topDownloadedCollections"] = "topDownloaded",
        ["collectionViewsTrend"] = "viewsTrend",
        ["collectionDownloadsTrend"] = "downloadsTrend",
        ["topCollectionCreators"] = "topCreators",
        ["collectionsCreatedTrend"] = "createdTrend",
    };
}
