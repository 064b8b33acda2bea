using GraphReports.Analytics.Time;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;

namespace GraphReports.Api.Reports.Nodes;

/// <summary>
/// The <c>AssetInsights</c> object: its figures were queued by the field that made it (the
/// <c>asset</c> or <c>folder</c> field), so they arrive with the rest of the request's batch.
/// Only <c>performance</c> queues queries of its own.
/// </summary>
public sealed class AssetNode(ReportScope scope, ReportContext context, PeriodNode period, Period storePeriod, AssetInsights insights)
{
    public AssetRef Asset { get; } = new(insights.AssetId, insights.Name);

    public PeriodNode Period => period;

    public AssetInsights Insights => insights;

    public IReadOnlyList<string> ApproximateFigures { get; init; } = [];

    public Task<IReadOnlyList<PerformancePoint>> PerformanceAsync(Granularity interval) =>
        scope.LoadAsync(AssetInsightFigures.PerformanceTrend(context, insights.AssetId, interval, storePeriod));

    /// <summary>The local first day of a performance bucket.</summary>
    public DateOnly BucketStart(PerformancePoint point) => ReportArguments.LocalDate(point.Start, scope.Environment.TimeZone);

    /// <summary>
    /// Resolves the <c>asset</c> field: queues the existence check and every insight figure in one go,
    /// then fails with <c>NOT_FOUND</c> when the environment never had an event about the asset.
    /// </summary>
    public static async Task<AssetNode> LoadAsync(ReportScope scope, string assetId, Analytics.Time.Month? month, PeriodArgument? periodArgument)
    {
        if (string.IsNullOrWhiteSpace(assetId)) throw ReportErrors.BadInput("id must name an asset; got an empty id.");
        var (period, closed) = ReportArguments.Period(month, periodArgument, scope);
        var context = new ReportContext(scope.Environment, scope.CurrentMonth, scope.Now);
        var known = scope.LoadAsync(Existence.Asset(scope, assetId));
        var insights = scope.LoadAnswerAsync(AssetInsightFigures.ForAsset(context, assetId, period));
        var name = await known.ConfigureAwait(false);
        if (name is null)
            throw ReportErrors.Create(ReportErrors.NotFound, $"No event of this environment names the asset {ReportErrors.Quote(assetId)}.");
        var answer = await insights.ConfigureAwait(false);
        // The name comes from any event about the asset, even outside the period.
        var value = answer.Value with { Name = answer.Value.Name ?? name.Name };
        return new AssetNode(scope, context, PeriodNode.Of(period, scope.Environment.TimeZone, closed), period, value)
        {
            ApproximateFigures = answer.Approximate ? AssetFigureNames : [],
        };
    }

    /// <summary>The figures a store could estimate: every count of the insights (when it estimates anything, it says so for all).</summary>
    internal static readonly IReadOnlyList<string> AssetFigureNames = ["impressions", "clicks", "clickThroughRate", "ratings", "usage", "popularityScore"];
}

/// <summary>The <c>FolderInsights</c> object.</summary>
public sealed class FolderNode(FolderInsightsPage page, PeriodNode period, int pageNumber, int pageSize, IReadOnlyList<AssetNode> assets, bool approximate)
{
    public string Path => page.Folder;

    public PeriodNode Period => period;

    public int TotalAssets => page.TotalCount;

    public int Page => pageNumber;

    public int PageCount => Math.Max(1, (page.TotalCount + pageSize - 1) / pageSize);

    public IReadOnlyList<AssetNode> Assets => assets;

    public IReadOnlyList<string> ApproximateFigures => approximate ? AssetNode.AssetFigureNames : [];

    /// <summary>Resolves the <c>folder</c> field: existence check and the page's figures in one go.</summary>
    public static async Task<FolderNode> LoadAsync(
        ReportScope scope, string path, Analytics.Time.Month? month, PeriodArgument? periodArgument,
        AssetInsightOrder sortBy, bool descending, int page, int pageSize)
    {
        var folder = path.Trim().Trim('/');
        ReportArguments.Page(page);
        ReportArguments.Limit(pageSize, "pageSize");
        var (period, closed) = ReportArguments.Period(month, periodArgument, scope);
        var context = new ReportContext(scope.Environment, scope.CurrentMonth, scope.Now);
        var known = scope.LoadAsync(Existence.Folder(scope, folder));
        // The offset of a page past the end is not an error: the page is empty and pageCount says how many there are.
        var offset = (long)(page - 1) * pageSize > int.MaxValue ? int.MaxValue : (page - 1) * pageSize;
        var figures = scope.LoadAnswerAsync(FolderInsightFigures.Page(context, folder, period, sortBy, descending, offset, pageSize));
        if (await known.ConfigureAwait(false) is null)
            throw ReportErrors.Create(ReportErrors.NotFound, folder.Length == 0
                ? "No event of this environment names an asset."
                : $"No event of this environment names an asset in the folder {ReportErrors.Quote(folder)} or its subfolders.");
        var answer = await figures.ConfigureAwait(false);
        var periodNode = PeriodNode.Of(period, scope.Environment.TimeZone, closed);
        var assets = answer.Value.Assets
            .Select(a => new AssetNode(scope, context, periodNode, period, a) { ApproximateFigures = answer.Approximate ? AssetNode.AssetFigureNames : [] })
            .ToArray();
        return new FolderNode(answer.Value, periodNode, page, pageSize, assets, answer.Approximate);
    }
}

/// <summary>
/// Whether the environment ever had an event about an asset or a folder: a top-1 list over every
/// event of the environment so far, which also gives the asset's most recent name.
/// </summary>
internal static class Existence
{
    // Earlier than any event a store accepts, and after the request's instant any event may still arrive (5 minutes ahead).
    private static Period AllTime(ReportScope scope) => new(DateTimeOffset.UnixEpoch, scope.Now.AddDays(1));

    public static Figure<TopEntry?> Asset(ReportScope scope, string assetId) =>
        Figure.Of("asset", new ReportQuery(new EventFilter(scope.Environment.Id, AllTime(scope)) { Assets = [assetId] }, Measure.Events, new TopShape(Dimension.Asset, 1)),
            r => ((TopResult)r).Entries.FirstOrDefault());

    public static Figure<TopEntry?> Folder(ReportScope scope, string folder) =>
        Figure.Of("folder", new ReportQuery(new EventFilter(scope.Environment.Id, AllTime(scope)) { FolderPrefix = folder.Length == 0 ? null : folder }, Measure.Events, new TopShape(Dimension.Asset, 1)),
            r => ((TopResult)r).Entries.FirstOrDefault());
}
