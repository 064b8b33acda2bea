using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// ARCHITECTURE.md "the whole page in one round trip": every report field of one GraphQL request is
/// queued in the request's batch and the real SQLite store is called once, counted by a decorator.
/// </summary>
public sealed class OneRoundTripTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public OneRoundTripTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_whole_dashboard_costs_one_store_call()
    {
        _host.Store.Reset();
        var data = await _host.DataAsync(ReportTestHost.AcmeKey, File.ReadAllText(Examples.PathOf("dashboard.graphql")), new { month = "2026-03" });

        Assert.Equal(1, _host.Store.Calls);
        // Sanity: the answer is the real one (7 searches in March), and the call carried every figure's queries.
        Assert.Equal(7, data.At("environment.summary.searches.current").GetInt32());
        Assert.True(_host.Store.Queries > 100, $"only {_host.Store.Queries} queries in the batch");
    }

    [Fact]
    public async Task Twenty_report_fields_across_sections_aliases_and_months_cost_one_store_call()
    {
        _host.Store.Reset();
        await _host.DataAsync(ReportTestHost.AcmeKey, """
            {
              environment {
                march: summary(month: "2026-03") { activeUsers { current } uploads { current } searches { current } downloads { current } collectionsViewed { current } }
                february: summary(month: "2026-02") { activeUsers { current } searches { current } }
                engagement(month: "2026-03") { topUsers { user } engagedUsersTrend { value } activeSessionsTrend { value } }
                search(month: "2026-03") { topSearches { text } topFilterValues { field } success { rate } }
                downloads(month: "2026-03", includeBulk: true) { topAssets { count } downloadsTrend { value } }
                collections(month: "2026-03") { topViewed { count } downloadsTrend { original } }
                activity(filter: { month: "2026-03" }, measure: SESSIONS) { total top(by: USER) { key } trend(interval: WEEK) { value } }
              }
            }
            """);
        Assert.Equal(1, _host.Store.Calls);
    }

    [Fact]
    public async Task Asset_and_folder_insights_join_the_same_call_as_the_monthly_reports()
    {
        _host.Store.Reset();
        var data = await _host.DataAsync(ReportTestHost.AcmeKey, """
            {
              environment {
                summary(month: "2026-03") { searches { current } }
                asset(id: "a1", month: "2026-03") { impressions ratings { average } usage { total } popularityScore }
                folder(path: "marketing", month: "2026-03") { totalAssets assets { asset { id } clicks } }
              }
            }
            """);
        Assert.Equal(1, _host.Store.Calls);
        Assert.Equal(4, data.At("environment.asset.impressions").GetInt32());
    }

    [Fact]
    public async Task Performance_series_of_every_asset_of_a_folder_page_cost_one_more_call_together()
    {
        _host.Store.Reset();
        await _host.DataAsync(ReportTestHost.AcmeKey, """
            { environment { folder(path: "marketing", month: "2026-03") { assets { performance(interval: WEEK) { start clicks } } } } }
            """);
        // The folder's page must be known before its assets' series can be asked for: two calls, not one per asset.
        Assert.Equal(2, _host.Store.Calls);
    }

    [Fact]
    public async Task The_same_figure_asked_twice_is_queried_once()
    {
        _host.Store.Reset();
        await _host.DataAsync(ReportTestHost.AcmeKey, """
            { environment { a: search(month: "2026-03") { searchesTrend { value } } b: search(month: "2026-03") { searchesTrend { value } } } }
            """);
        Assert.Equal(1, _host.Store.Calls);
        Assert.Equal(12, _host.Store.Queries);
    }
}
