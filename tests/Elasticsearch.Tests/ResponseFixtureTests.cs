using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;
using GraphReports.Elasticsearch.Tests.Support;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>
/// Answers shaped as Elastic documents them (Fixtures/, with the <c>typed_keys</c> names the client asks
/// for), read through the official client into the figures a person would check against the hand-made dataset.
/// </summary>
public sealed class ResponseFixtureTests
{
    private static async Task<T> Answer<T>(Figure<T> figure, string fixture)
    {
        using var cluster = new FakeCluster().AnswerFixture(fixture);
        return (await figure.ExecuteAsync(cluster.Store().Reports)).Value;
    }

    [Fact]
    public async Task A_summary_is_read_from_cardinality_and_hit_counts()
    {
        var s = await Answer(SummaryFigures.Report(MarchContext), "msearch-summary.json");
        Assert.Equal((4, 1, 300.0), (s.ActiveUsers.Current, s.ActiveUsers.Previous, s.ActiveUsers.PercentChange));
        Assert.Equal((1, 0), (s.Uploads.Current, s.Uploads.Previous));
        Assert.Equal((7, 2), (s.Searches.Current, s.Searches.Previous));
        Assert.Equal((2, 1), (s.Downloads.Current, s.Downloads.Previous));
        Assert.Equal((3, 2), (s.CollectionsViewed.Current, s.CollectionsViewed.Previous));
        Assert.Empty(s.Header.ApproximateFigures);
    }

    [Fact]
    public async Task A_distinct_count_above_the_precision_threshold_is_named_approximate()
    {
        var s = await Answer(SummaryFigures.Report(MarchContext), "msearch-summary-approximate.json");
        Assert.Equal((45210, 39999), (s.ActiveUsers.Current, s.ActiveUsers.Previous));
        Assert.Equal(["activeUsers"], s.Header.ApproximateFigures);
    }

    [Fact]
    public async Task A_top_list_carries_the_latest_name_of_each_key_and_none_when_no_event_named_it()
    {
        var top = await Answer(DownloadFigures.TopAssets(MarchContext, includeBulk: true), "msearch-top-assets.json");
        Assert.Equal([new RankedItem("a2", "Beach", 2), new RankedItem("a1", "Sunset", 1), new RankedItem("a3", null, 1)], top);
    }

    [Fact]
    public async Task Filter_pairs_split_into_field_and_value_and_engaged_users_carry_every_type_of_their_breakdown()
    {
        using var cluster = new FakeCluster().AnswerFixture("msearch-filter-pairs-and-engaged-users.json");
        var batch = new ReportBatch();
        var pairs = batch.Add(SearchFigures.TopFilterValues(MarchContext));
        var users = batch.Add(EngagementFigures.TopEngagedUsers(MarchContext));
        await batch.ExecuteAsync(cluster.Store().Reports);
        Assert.Equal([new RankedFilterPair("tag", "car", 2), new RankedFilterPair("color", "red", 1)], pairs.Value);
        Assert.Equal([new EngagedUser("alice", 2, 1, 0), new EngagedUser("bob", 2, 0, 1), new EngagedUser("carol", 2, 1, 0), new EngagedUser("dave", 1, 0, 0)], users.Value);
    }

    [Fact]
    public async Task A_weekly_histogram_across_the_DST_change_gives_every_local_week()
    {
        var weeks = await Answer(AssetInsightFigures.PerformanceTrend(MarchContext, "a1", Granularity.Week), "msearch-performance-weeks.json");
        Assert.Equal(
        [
            new PerformancePoint(T("2026-02-23T00:00:00+01:00"), 0, 0),
            new PerformancePoint(T("2026-03-02T00:00:00+01:00"), 2, 0),
            new PerformancePoint(T("2026-03-09T00:00:00+01:00"), 0, 0),
            new PerformancePoint(T("2026-03-16T00:00:00+01:00"), 1, 1),
            new PerformancePoint(T("2026-03-23T00:00:00+01:00"), 0, 0),
            new PerformancePoint(T("2026-03-30T00:00:00+02:00"), 0, 0),
        ], weeks);
    }

    /// <summary>Two figures in one batch: the first answered, the second's search refused as the fixture says.</summary>
    private static async Task<(long Searches, FigureFailedException Error)> SearchesThenFailure(Figure<IReadOnlyList<RankedItem>> second, string fixture)
    {
        using var cluster = new FakeCluster().AnswerFixture(fixture);
        var batch = new ReportBatch();
        var searches = batch.Add(Figures.Searches(MarchContext));
        var failed = batch.Add(second);
        await batch.ExecuteAsync(cluster.Store().Reports);
        Assert.Single(cluster.Requests);
        return (searches.Value, Assert.Throws<FigureFailedException>(() => failed.Value));
    }

    [Fact]
    public async Task An_msearch_item_404_fails_its_own_figure_only()
    {
        var (searches, error) = await SearchesThenFailure(SearchFigures.TopSearches(MarchContext), "msearch-404-item.json");
        Assert.Equal(7, searches);
        Assert.Equal("topSearches", error.Figure);
        Assert.Contains("(404): index_not_found_exception: no such index [gr-events]", error.Reason);
        Assert.Contains("start the Indexer once", error.Reason);
    }

    [Fact]
    public async Task A_search_phase_execution_exception_names_its_root_cause()
    {
        var (searches, error) = await SearchesThenFailure(SearchFigures.TopSearches(MarchContext), "msearch-search-phase-execution-exception.json");
        Assert.Equal(7, searches);
        Assert.Contains("search_phase_execution_exception: all shards failed (caused by script_exception: runtime error)", error.Reason);
    }

    [Fact]
    public async Task Too_many_buckets_says_which_limit_and_what_to_do()
    {
        var (_, error) = await SearchesThenFailure(SearchFigures.TopSearches(MarchContext), "msearch-too-many-buckets.json");
        Assert.Contains("too_many_buckets_exception", error.Reason);
        Assert.Contains("search.max_buckets", error.Reason);
    }

    [Fact]
    public async Task A_partial_shard_failure_fails_the_figure_rather_than_give_a_partial_count()
    {
        var (searches, error) = await SearchesThenFailure(SearchFigures.TopSearches(MarchContext), "msearch-partial-shard-failure.json");
        Assert.Equal(7, searches);
        Assert.Contains("1 of 2 shards failed: node_not_connected_exception", error.Reason);
    }

    /// <summary>The searches of the month as a figure of its own (the first of the summary's pair).</summary>
    private static class Figures
    {
        public static Figure<long> Searches(ReportContext context) =>
            Figure.Of("searches", new ReportQuery(context.Filter() with { Types = [EventType.Search] }, Measure.Events, TotalShape.Instance), r => ((TotalResult)r).Value);
    }
}
