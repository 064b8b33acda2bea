using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Reports.Contract;

/// <summary>
/// Every figure of REPORTS.md §3 over <see cref="HandMadeDataset"/>, with the numbers counted by hand:
/// the expectations every store meets. Each store's test project derives a class that makes its store
/// (<see cref="CreateStore"/>, fresh and empty); the dataset is written through the store's own writer.
/// </summary>
public abstract class HandMadeReportContract : IDisposable
{
    private readonly IContractStore _db;

    protected HandMadeReportContract()
    {
        _db = CreateStore(ZoneOf);
        Load(_db);
    }

    /// <summary>A fresh, empty store whose environments have the zones of <paramref name="zoneOf"/>.</summary>
    protected abstract IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf);

    /// <summary>Called once the dataset is written (the SQLite rollup variant rebuilds its rollups here).</summary>
    protected virtual void Loaded(IContractStore store) { }

    private void Load(IContractStore store)
    {
        store.Write(Acme.Id, AcmeEvents);
        store.Write(Other.Id, OtherEvents);
        Loaded(store);
    }

    /// <summary>The store the tests read (derived classes may look at it further).</summary>
    protected IContractStore Store => _db;

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<T> Run<T>(Figure<T> figure) => (await figure.ExecuteAsync(_db.Reports)).Value;

    /// <summary>12 months ending with March 2026: 2025-04 .. 2026-03; only the named months are non-zero.</summary>
    private static long[] Trend(long february, long march) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, february, march];

    private static long[] Values(IReadOnlyList<TrendPoint> trend)
    {
        Assert.Equal("2025-04", trend[0].Month.ToString());
        Assert.Equal("2026-03", trend[^1].Month.ToString());
        return trend.Select(p => p.Value).ToArray();
    }

    [ContractFact]
    public async Task Summary_compares_the_listed_month_with_the_previous_one()
    {
        var s = await Run(SummaryFigures.Report(MarchContext));

        Assert.Equal(new ReportHeader(March, false, []), s.Header with { ApproximateFigures = [] });
        Assert.Empty(s.Header.ApproximateFigures);
        // alice, bob, carol, dave in March; bob alone in February
        Assert.Equal((4, 1, 3, 300.0), (s.ActiveUsers.Current, s.ActiveUsers.Previous, s.ActiveUsers.Change, s.ActiveUsers.PercentChange));
        // m10 in March, none in February: the percent change is null, not infinite
        Assert.Equal((1, 0, 1, (double?)null), (s.Uploads.Current, s.Uploads.Previous, s.Uploads.Change, s.Uploads.PercentChange));
        // m02 m03 m08 m09 m12 m13 m14 (m14 is 23:30 local on 31 March), against f01 f03 (f03 is 23:30 on 28 February)
        Assert.Equal((7, 2, 5, 250.0), (s.Searches.Current, s.Searches.Previous, s.Searches.Change, s.Searches.PercentChange));
        // m04 m11 (bulk m05 m06 left out) against f02
        Assert.Equal((2, 1, 1, 100.0), (s.Downloads.Current, s.Downloads.Previous, s.Downloads.Change, s.Downloads.PercentChange));
        // m15 m16 m17 against f04 f05
        Assert.Equal((3, 2, 1, 50.0), (s.CollectionsViewed.Current, s.CollectionsViewed.Previous, s.CollectionsViewed.Change, s.CollectionsViewed.PercentChange));
    }

    [ContractFact]
    public async Task Summary_downloads_count_bulk_only_when_asked()
    {
        var s = await Run(SummaryFigures.Report(MarchContext, includeBulk: true));
        Assert.Equal((4, 1, 3, 300.0), (s.Downloads.Current, s.Downloads.Previous, s.Downloads.Change, s.Downloads.PercentChange));
    }

    [ContractFact]
    public async Task Percent_change_is_unrounded()
    {
        Assert.Equal(100.0 / 3, new Comparison(4, 3).PercentChange);
        Assert.Equal(-50.0, new Comparison(1, 2).PercentChange);
        Assert.Null(new Comparison(5, 0).PercentChange);
        await Task.CompletedTask;
    }

    [ContractFact]
    public async Task Top_engaged_users_tie_by_user_id_and_carry_their_breakdown()
    {
        var top = await Run(EngagementFigures.TopEngagedUsers(MarchContext));
        Assert.Equal(
            [new EngagedUser("alice", 2, 1, 0), new EngagedUser("bob", 2, 0, 1), new EngagedUser("carol", 2, 1, 0), new EngagedUser("dave", 1, 0, 0)],
            top);
        Assert.Equal([3L, 3, 3, 1], top.Select(u => u.Total));
    }

    [ContractFact]
    public async Task Top_engaged_users_with_bulk_count_alices_bulk_downloads()
    {
        var top = await Run(EngagementFigures.TopEngagedUsers(MarchContext, includeBulk: true));
        Assert.Equal(new EngagedUser("alice", 2, 3, 0), top[0]);
        Assert.Equal(["alice", "bob", "carol", "dave"], top.Select(u => u.User));
        var limited = await Run(EngagementFigures.TopEngagedUsers(MarchContext, limit: 2));
        Assert.Equal(["alice", "bob"], limited.Select(u => u.User));
    }

    [ContractFact]
    public async Task Engagement_trends_are_twelve_zero_filled_months()
    {
        var report = await Run(EngagementFigures.Report(MarchContext));
        Assert.Equal(Trend(february: 1, march: 4), Values(report.EngagedUsersTrend));
        // sessions A B C D in March (F is April's), E in February
        Assert.Equal(Trend(february: 1, march: 4), Values(report.ActiveSessionsTrend));
    }

    [ContractFact]
    public async Task Search_report_answers_every_figure()
    {
        var s = await Run(SearchFigures.Report(MarchContext));
        // "Red  Car" and "red car" are one text; " BLUE" and "blue" another; a tie orders by text
        Assert.Equal([new RankedItem("blue", null, 2), new RankedItem("red car", null, 2)], s.TopSearches);
        Assert.Equal([new RankedFilterPair("tag", "car", 2), new RankedFilterPair("color", "red", 1)], s.TopFilterValues);
        Assert.Equal([new RankedItem("tags:cat AND year:2024", null, 1)], s.TopExpressions);
        Assert.Equal(Trend(february: 2, march: 7), Values(s.SearchesTrend));
        Assert.Equal(Trend(february: 1, march: 4), Values(s.SearchersTrend));
        Assert.Equal([new RankedItem("a1", "Sunset", 1)], s.SimilaritySearchImages);
        Assert.Equal([new RankedItem("mountain lake", null, 1)], s.TopVisualSearchTerms);
        // m08 "blue" and m03 "red car" had results = 0; m14 " BLUE" had 3
        Assert.Equal([new RankedItem("blue", null, 1), new RankedItem("red car", null, 1)], s.SearchesThatFoundNothing);
        // sessions A B C D searched; only A downloaded after its first search (C downloaded before)
        Assert.Equal(new Rate(1, 4), s.SearchSuccessRate);
        Assert.Equal(0.25, s.SearchSuccessRate.Value);
    }

    [ContractFact]
    public async Task Search_success_rate_is_null_when_no_session_searched()
    {
        var january = new ReportContext(Acme, new Month(2026, 1), Now);
        var rate = await Run(SearchFigures.SearchSuccessRate(january));
        Assert.Equal(new Rate(0, 0), rate);
        Assert.Null(rate.Value);
    }

    [ContractFact]
    public async Task Downloads_report_leaves_bulk_out_by_default()
    {
        var d = await Run(DownloadFigures.Report(MarchContext));
        Assert.False(d.IncludeBulk);
        Assert.Equal([new RankedItem("a1", "Sunset", 1), new RankedItem("a2", "Beach", 1)], d.TopAssets);
        Assert.Equal(Trend(february: 1, march: 2), Values(d.UniqueAssetsTrend));
        Assert.Equal(Trend(february: 1, march: 2), Values(d.TotalDownloadsTrend));
        Assert.Equal(Trend(february: 1, march: 2), Values(d.DownloadersTrend));
    }

    [ContractFact]
    public async Task Downloads_report_with_bulk_counts_every_download()
    {
        var d = await Run(DownloadFigures.Report(MarchContext, includeBulk: true));
        Assert.Equal([new RankedItem("a2", "Beach", 2), new RankedItem("a1", "Sunset", 1), new RankedItem("a3", null, 1)], d.TopAssets);
        Assert.Equal(Trend(february: 1, march: 3), Values(d.UniqueAssetsTrend));
        Assert.Equal(Trend(february: 1, march: 4), Values(d.TotalDownloadsTrend));
        Assert.Equal(Trend(february: 1, march: 2), Values(d.DownloadersTrend));
    }

    [ContractFact]
    public async Task Collections_report_splits_public_downloads_into_original_and_transformed()
    {
        var c = await Run(CollectionFigures.Report(MarchContext));
        Assert.Equal([new RankedItem("c1", "Spring", 2), new RankedItem("c2", "Autumn", 1)], c.TopViewed);
        Assert.Equal([new RankedItem("c1", "Spring", 1), new RankedItem("c2", "Autumn", 1)], c.TopDownloaded);
        Assert.Equal(Trend(february: 2, march: 3), Values(c.ViewsTrend));
        Assert.Equal(new DownloadSplitPoint(March, 1, 1), c.DownloadsTrend[^1]);
        Assert.Equal(new DownloadSplitPoint(February, 0, 0), c.DownloadsTrend[^2]);
        Assert.Equal(12, c.DownloadsTrend.Count);
        Assert.Equal([new RankedItem("alice", null, 1)], c.TopCreators);
        Assert.Equal(Trend(february: 0, march: 1), Values(c.CreatedTrend));
    }

    [ContractFact]
    public async Task Asset_insights_give_ctr_ratings_usage_and_popularity()
    {
        var a1 = await Run(AssetInsightFigures.ForAsset(MarchContext, "a1"));
        Assert.Equal(("a1", "Sunset", 3L, 1L, 2L, 9L), (a1.AssetId, a1.Name, a1.Impressions, a1.Clicks, a1.RatingsCount, a1.RatingsSum));
        Assert.Equal(1.0 / 3, a1.ClickThroughRate);
        Assert.Equal(4.5, a1.AverageRating);
        Assert.Equal(new ChannelUsage(Collection: 0, WebMobile: 0, Social: 1, Email: 1), a1.Usage);
        Assert.Equal(2, a1.Usage.Total);
        Assert.Equal(100, a1.PopularityScore); // 13 points, the best

        var a2 = await Run(AssetInsightFigures.ForAsset(MarchContext, "a2"));
        Assert.Equal(1.0, a2.ClickThroughRate);
        Assert.Null(a2.AverageRating);
        Assert.Equal(new ChannelUsage(0, 1, 0, 0), a2.Usage);
        Assert.Equal(85, a2.PopularityScore); // 100 x 11 / 13 = 84.6

        var a4 = await Run(AssetInsightFigures.ForAsset(MarchContext, "a4"));
        Assert.Equal(("Logo", 0L, (double?)null, 0), (a4.Name, a4.Impressions, a4.ClickThroughRate, a4.PopularityScore)); // other's click on a4 does not count
    }

    [ContractFact]
    public async Task Popularity_score_is_null_when_no_asset_had_impressions_or_clicks()
    {
        var february = new ReportContext(Acme, February, Now);
        var a1 = await Run(AssetInsightFigures.ForAsset(february, "a1"));
        Assert.Null(a1.PopularityScore);
        Assert.Null(a1.ClickThroughRate);
    }

    [ContractFact]
    public void Popularity_score_rounds_halves_away_from_zero()
    {
        Assert.Equal(3, AssetInsightFigures.PopularityScore(5, 200));   // 2.5 -> 3
        Assert.Equal(1, AssetInsightFigures.PopularityScore(1, 200));   // 0.5 -> 1
        Assert.Equal(0, AssetInsightFigures.PopularityScore(1, 201));   // 0.497 -> 0
    }

    [ContractFact]
    public async Task Performance_trend_by_week_covers_the_month_in_local_weeks_across_the_DST_change()
    {
        var weeks = await Run(AssetInsightFigures.PerformanceTrend(MarchContext, "a1", Granularity.Week));
        Assert.Equal(
        [
            new PerformancePoint(T("2026-02-23T00:00:00+01:00"), 0, 0),
            new PerformancePoint(T("2026-03-02T00:00:00+01:00"), 2, 0),
            new PerformancePoint(T("2026-03-09T00:00:00+01:00"), 0, 0),
            new PerformancePoint(T("2026-03-16T00:00:00+01:00"), 1, 1),
            new PerformancePoint(T("2026-03-23T00:00:00+01:00"), 0, 0),
            new PerformancePoint(T("2026-03-30T00:00:00+02:00"), 0, 0),
        ], weeks);
        var days = await Run(AssetInsightFigures.PerformanceTrend(MarchContext, "a1", Granularity.Day));
        Assert.Equal(31, days.Count);
        Assert.Equal(new PerformancePoint(T("2026-03-02T00:00:00+01:00"), 2, 0), days[1]);
        Assert.Equal(new PerformancePoint(T("2026-03-20T00:00:00+01:00"), 1, 1), days[19]);
        Assert.Equal(3, days.Sum(d => d.Impressions));
    }

    [ContractFact]
    public async Task Folder_view_lists_the_folder_and_its_subfolders_sorted_and_paged()
    {
        var page = await Run(FolderInsightFigures.Page(MarchContext, "photos"));
        // a1 (photos/2026) and a2 (photos); a3 is in "photosx", not a subfolder
        Assert.Equal(2, page.TotalCount);
        Assert.Equal([("a1", 100), ("a2", 85)], page.Assets.Select(a => (a.AssetId, a.PopularityScore!.Value)));
        Assert.Equal(new ChannelUsage(0, 0, 1, 1), page.Assets[0].Usage);
        Assert.Equal(4.5, page.Assets[0].AverageRating);

        var byImpressions = await Run(FolderInsightFigures.Page(MarchContext, "photos", orderBy: AssetInsightOrder.Impressions, descending: false));
        Assert.Equal(["a2", "a1"], byImpressions.Assets.Select(a => a.AssetId));
        // equal clicks: asset id decides
        var byClicks = await Run(FolderInsightFigures.Page(MarchContext, "photos", orderBy: AssetInsightOrder.Clicks));
        Assert.Equal(["a1", "a2"], byClicks.Assets.Select(a => a.AssetId));
        // no rating for a2: nulls last whichever the direction
        var byRating = await Run(FolderInsightFigures.Page(MarchContext, "photos", orderBy: AssetInsightOrder.AverageRating, descending: false));
        Assert.Equal(["a1", "a2"], byRating.Assets.Select(a => a.AssetId));
        var second = await Run(FolderInsightFigures.Page(MarchContext, "photos/", offset: 1, pageSize: 1));
        Assert.Equal((2, 1), (second.TotalCount, second.Assets.Count));
        Assert.Equal("a2", second.Assets[0].AssetId);
    }

    [ContractFact]
    public async Task A_late_event_changes_the_closed_months_figures_and_a_duplicate_changes_nothing()
    {
        Assert.Equal(0, _db.Write(Acme.Id, [DuplicateOfM04]));
        Assert.Equal(1, _db.Write(Acme.Id, [LateFebruaryUpload]));

        var s = await Run(SummaryFigures.Report(MarchContext));
        Assert.Equal((1, 1, 0, 0.0), (s.Uploads.Current, s.Uploads.Previous, s.Uploads.Change, s.Uploads.PercentChange));
        Assert.Equal((4, 2, 2, 100.0), (s.ActiveUsers.Current, s.ActiveUsers.Previous, s.ActiveUsers.Change, s.ActiveUsers.PercentChange));
        Assert.Equal(2, s.Downloads.Current); // the duplicate m04 (bulk, by zoe) was not counted
        var sessions = await Run(EngagementFigures.ActiveSessionsTrend(MarchContext));
        Assert.Equal(Trend(february: 2, march: 4), Values(sessions));
        var top = await Run(EngagementFigures.TopEngagedUsers(MarchContext));
        Assert.DoesNotContain(top, u => u.User == "zoe");
    }

    [ContractFact]
    public async Task Reports_say_whether_their_month_is_closed()
    {
        var march = await Run(SummaryFigures.Report(MarchContext));
        var february = await Run(SummaryFigures.Report(new ReportContext(Acme, February, Now)));
        Assert.False(march.Header.Closed);
        Assert.True(february.Header.Closed);
        Assert.Equal(February, february.Header.Month);
    }

    [ContractFact]
    public async Task Another_environments_events_never_show()
    {
        var other = new ReportContext(Other, March, Now);
        var s = await Run(SummaryFigures.Report(other));
        // other's own m02 (same id as acme's, another tenant) and o02
        Assert.Equal((1L, 1L, 2L), (s.Searches.Current, s.Downloads.Current, s.ActiveUsers.Current));
        Assert.Equal(["alice", "zed"], (await Run(EngagementFigures.TopEngagedUsers(other))).Select(u => u.User));
        Assert.Equal([new RankedItem("blue", null, 1)], await Run(SearchFigures.TopSearches(other)));
    }

    [ContractFact]
    public async Task The_whole_dashboard_is_one_store_call()
    {
        var counting = new CountingStore(_db.Reports);
        var batch = new ReportBatch();
        var dashboard = batch.Add(DashboardFigures.Report(MarchContext));
        var insights = batch.Add(AssetInsightFigures.ForAsset(MarchContext, "a1"));
        await batch.ExecuteAsync(counting);
        Assert.Equal(1, counting.Calls);
        Assert.Equal(7, dashboard.Value.Search.SearchesTrend[^1].Value);
        Assert.Equal(100, insights.Value.PopularityScore);
    }

    [ContractFact]
    public void Top_lists_refuse_a_limit_outside_1_to_100()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SearchFigures.TopSearches(MarchContext, 101));
        Assert.Contains("between 1 and 100", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchFigures.TopSearches(MarchContext, 0));
    }

    private sealed class CountingStore(IReportStore inner) : IReportStore
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner.ExecuteAsync(batch, cancellationToken);
        }
    }
}
