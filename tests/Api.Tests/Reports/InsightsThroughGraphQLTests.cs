using System.Text.Json;
using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>Asset insights, the folder view and custom slices of <see cref="SmallDataset"/>, counted by hand.</summary>
public sealed class InsightsThroughGraphQLTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public InsightsThroughGraphQLTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> Environment(string selection) =>
        (await _host.DataAsync(ReportTestHost.AcmeKey, "{ environment { " + selection + " } }")).GetProperty("environment");

    [Fact]
    public async Task Asset_insights_give_web_performance_ratings_usage_and_popularity()
    {
        var alpha = (await Environment("""
            asset(id: "a1", month: "2026-03") {
              asset { id name } period { from to closed } approximateFigures
              impressions clicks clickThroughRate ratings { count average }
              usage { collection webMobile social email total } popularityScore
            }
            """)).At("asset");
        Assert.Equal(
            """{"asset":{"id":"a1","name":"Alpha"},"period":{"from":"2026-03-01","to":"2026-03-31","closed":true},"approximateFigures":[],"impressions":4,"clicks":1,"clickThroughRate":0.25,"ratings":{"count":2,"average":4.5},"usage":{"collection":1,"webMobile":0,"social":1,"email":1,"total":3},"popularityScore":100}""",
            Compact(alpha));
    }

    [Fact]
    public async Task Popularity_is_relative_to_the_best_asset_of_the_environment_rounded_half_away_from_zero()
    {
        // Beta: 2 impressions + 10 x 1 click = 12 points against Alpha's 14: 85.71 rounds to 86.
        // Globex's 50 impressions of an asset with the same id do not count.
        var beta = (await Environment("asset(id: \"a2\", month: \"2026-03\") { impressions clicks clickThroughRate ratings { count average } popularityScore }")).At("asset");
        Assert.Equal("""{"impressions":2,"clicks":1,"clickThroughRate":0.5,"ratings":{"count":0,"average":null},"popularityScore":86}""", Compact(beta));
    }

    [Fact]
    public async Task An_asset_without_web_activity_in_the_period_has_null_rates_and_no_score()
    {
        var gamma = (await Environment("asset(id: \"a3\", period: { from: \"2026-02-01\", to: \"2026-02-28\" }) { asset { name } period { from to } impressions clickThroughRate popularityScore }")).At("asset");
        // No asset had an impression or a click in February: no score at all.
        Assert.Equal("""{"asset":{"name":"Gamma"},"period":{"from":"2026-02-01","to":"2026-02-28"},"impressions":0,"clickThroughRate":null,"popularityScore":null}""", Compact(gamma));
    }

    [Fact]
    public async Task Performance_is_zero_filled_per_day_week_or_month_in_local_days()
    {
        var asset = (await Environment("""
            asset(id: "a1", period: { from: "2026-03-01", to: "2026-03-07" }) {
              days: performance(interval: DAY) { start impressions clicks }
              weeks: performance(interval: WEEK) { start impressions clicks }
            }
            """)).At("asset");
        Assert.Equal(
            """[{"start":"2026-03-01","impressions":1,"clicks":0},{"start":"2026-03-02","impressions":1,"clicks":1},{"start":"2026-03-03","impressions":1,"clicks":0},{"start":"2026-03-04","impressions":1,"clicks":0},{"start":"2026-03-05","impressions":0,"clicks":0},{"start":"2026-03-06","impressions":0,"clicks":0},{"start":"2026-03-07","impressions":0,"clicks":0}]""",
            Compact(asset.At("days")));
        // 1 March 2026 is a Sunday: its week starts on Monday 23 February.
        Assert.Equal(
            """[{"start":"2026-02-23","impressions":1,"clicks":0},{"start":"2026-03-02","impressions":3,"clicks":1}]""",
            Compact(asset.At("weeks")));
    }

    [Fact]
    public async Task Folder_view_lists_the_assets_of_a_folder_and_its_subfolders_sorted_and_paged()
    {
        var folder = (await Environment("""
            folder(path: "marketing", month: "2026-03", pageSize: 1) {
              path totalAssets page pageCount assets { asset { id name } impressions popularityScore }
            }
            """)).At("folder");
        // Alpha is in marketing/2026, Beta in marketing; Gamma (sales) is not listed.
        Assert.Equal("""{"path":"marketing","totalAssets":2,"page":1,"pageCount":2,"assets":[{"asset":{"id":"a1","name":"Alpha"},"impressions":4,"popularityScore":100}]}""", Compact(folder));

        var second = (await Environment("folder(path: \"marketing\", month: \"2026-03\", sortBy: POPULARITY_SCORE, order: ASC, page: 1, pageSize: 5) { assets { asset { id } popularityScore } }")).At("folder");
        Assert.Equal("""{"assets":[{"asset":{"id":"a2"},"popularityScore":86},{"asset":{"id":"a1"},"popularityScore":100}]}""", Compact(second));
    }

    [Fact]
    public async Task The_empty_folder_path_is_the_whole_library_so_its_view_by_popularity_is_the_top_assets()
    {
        var library = (await Environment("""
            folder(path: "", month: "2026-03") { path totalAssets assets { asset { id } impressions clicks popularityScore } }
            """)).At("folder");
        // Every ACME asset with an event in March: Alpha (4 + 10 x 1 = 14 points, the best), Beta
        // (2 + 10 = 12, 86), Gamma (uploaded and downloaded from a collection, no web activity: 0).
        Assert.Equal("""{"path":"","totalAssets":3,"assets":[{"asset":{"id":"a1"},"impressions":4,"clicks":1,"popularityScore":100},{"asset":{"id":"a2"},"impressions":2,"clicks":1,"popularityScore":86},{"asset":{"id":"a3"},"impressions":0,"clicks":0,"popularityScore":0}]}""", Compact(library));
    }

    [Fact]
    public async Task A_custom_slice_counts_a_measure_as_a_total_a_top_list_and_a_trend()
    {
        var environment = await Environment("""
            searchers: activity(filter: { month: "2026-03", types: [SEARCH] }, measure: USERS) { measure approximate total }
            filters: activity(filter: { month: "2026-03", types: [SEARCH] }) { top(by: SEARCH_FILTER) { rank key filterValue value } }
            bulk: activity(filter: { month: "2026-03", types: [DOWNLOAD], bulk: true }) { total top(by: ASSET) { key name value } }
            weekly: activity(filter: { period: { from: "2026-03-01", to: "2026-03-31" }, types: [ASSET_IMPRESSION], assets: ["a1"] }) { period { from to } trend(interval: WEEK) { start value } }
            """);
        Assert.Equal("""{"measure":"USERS","approximate":false,"total":3}""", Compact(environment.At("searchers")));
        Assert.Equal("""[{"rank":1,"key":"color","filterValue":"blue","value":2},{"rank":2,"key":"type","filterValue":"image","value":1}]""", Compact(environment.At("filters.top")));
        Assert.Equal("""{"total":2,"top":[{"key":"a1","name":"Alpha","value":1},{"key":"a2","name":"Beta","value":1}]}""", Compact(environment.At("bulk")));
        Assert.Equal(
            """{"period":{"from":"2026-03-01","to":"2026-03-31"},"trend":[{"start":"2026-02-23","value":1},{"start":"2026-03-02","value":3},{"start":"2026-03-09","value":0},{"start":"2026-03-16","value":0},{"start":"2026-03-23","value":0},{"start":"2026-03-30","value":0}]}""",
            Compact(environment.At("weekly")));
    }
}
