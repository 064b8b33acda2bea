using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>Engagement, search, downloads and collections of <see cref="SmallDataset"/> in March 2026, counted by hand.</summary>
public sealed class SectionsThroughGraphQLTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public SectionsThroughGraphQLTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    private Task<System.Text.Json.JsonElement> Environment(string selection, object? variables = null) =>
        _host.DataAsync(ReportTestHost.AcmeKey, (selection.Contains("$bulk") ? "query($bulk: Boolean) " : "") + "{ environment { " + selection + " } }", variables)
            .ContinueWith(t => t.Result.GetProperty("environment"));

    [Fact]
    public async Task Top_engaged_users_rank_by_searches_downloads_and_uploads_ties_by_user_id()
    {
        var engagement = (await Environment("engagement(month: \"2026-03\") { month closed topUsers { rank user searches downloads uploads total } }")).At("engagement");
        // u3: 2 searches + 1 download + 1 upload; u1: 2 searches + 1 download; u2: 3 searches (its downloads were bulk).
        Assert.Equal(
            """[{"rank":1,"user":"u3","searches":2,"downloads":1,"uploads":1,"total":4},{"rank":2,"user":"u1","searches":2,"downloads":1,"uploads":0,"total":3},{"rank":3,"user":"u2","searches":3,"downloads":0,"uploads":0,"total":3}]""",
            Compact(engagement.At("topUsers")));
    }

    [Fact]
    public async Task Bulk_downloads_count_in_the_engagement_breakdown_only_when_asked()
    {
        var engagement = (await Environment("engagement(month: \"2026-03\", includeBulk: $bulk) { includesBulk topUsers(limit: 1) { user downloads total } }", new { bulk = true })).At("engagement");
        Assert.True(engagement.At("includesBulk").GetBoolean());
        Assert.Equal("""[{"user":"u2","downloads":2,"total":5}]""", Compact(engagement.At("topUsers")));
    }

    [Fact]
    public async Task Engagement_trends_are_twelve_zero_filled_months_ending_with_the_listed_month()
    {
        var engagement = (await Environment("engagement(month: \"2026-03\") { engagedUsersTrend { month value } activeSessionsTrend { month value } }")).At("engagement");
        Assert.Equal("2026-02=1 2026-03=3", NonZeroTrend(engagement.At("engagedUsersTrend"), "2026-03"));
        // Sessions s1 to s5 in March (s5 at 23:30 on the 31st); s7 in February.
        Assert.Equal("2026-02=1 2026-03=5", NonZeroTrend(engagement.At("activeSessionsTrend"), "2026-03"));
    }

    [Fact]
    public async Task Search_report_groups_normalized_texts_filters_expressions_and_visual_searches()
    {
        var search = (await Environment("""
            search(month: "2026-03") {
              topSearches { rank text count }
              topFilterValues { rank field value count }
              topExpressions { text count }
              topReferenceImages { asset { id name } count }
              topVisualSearchTerms { text count }
              topSearchesWithoutResults { text count }
              searchesTrend { month value }
              searchersTrend { month value }
              success { searchSessions successfulSessions rate }
            }
            """)).At("search");
        Assert.Equal("""[{"rank":1,"text":"red car","count":2},{"rank":2,"text":"blue boat","count":1}]""", Compact(search.At("topSearches")));
        Assert.Equal("""[{"rank":1,"field":"color","value":"blue","count":2},{"rank":2,"field":"type","value":"image","count":1}]""", Compact(search.At("topFilterValues")));
        Assert.Equal("""[{"text":"a AND b","count":1}]""", Compact(search.At("topExpressions")));
        Assert.Equal("""[{"asset":{"id":"img9","name":"Sunset"},"count":1}]""", Compact(search.At("topReferenceImages")));
        Assert.Equal("""[{"text":"dog on beach","count":1}]""", Compact(search.At("topVisualSearchTerms")));
        Assert.Equal("""[{"text":"red car","count":1}]""", Compact(search.At("topSearchesWithoutResults")));
        Assert.Equal("2026-02=1 2026-03=7", NonZeroTrend(search.At("searchesTrend"), "2026-03"));
        Assert.Equal("2026-02=1 2026-03=3", NonZeroTrend(search.At("searchersTrend"), "2026-03"));
        // Sessions that searched: s1, s2, s3, s4; a download followed the first search in s1 and (bulk) in s2.
        Assert.Equal("""{"searchSessions":4,"successfulSessions":2,"rate":0.5}""", Compact(search.At("success")));
    }

    [Fact]
    public async Task Top_lists_accept_a_limit_and_break_ties_by_key()
    {
        var search = (await Environment("search(month: \"2026-03\") { topFilterValues(limit: 1) { field value } }")).At("search");
        Assert.Equal("""[{"field":"color","value":"blue"}]""", Compact(search.At("topFilterValues")));
        var downloads = (await Environment("downloads(month: \"2026-03\", includeBulk: true) { topAssets(limit: 100) { rank asset { id name } count } }")).At("downloads");
        // Alpha and Beta were each downloaded twice: ordinal order of ids decides.
        Assert.Equal("""[{"rank":1,"asset":{"id":"a1","name":"Alpha"},"count":2},{"rank":2,"asset":{"id":"a2","name":"Beta"},"count":2}]""", Compact(downloads.At("topAssets")));
    }

    [Fact]
    public async Task Downloads_report_leaves_bulk_out_unless_asked()
    {
        const string selection = "downloads(month: \"2026-03\", includeBulk: $bulk) { includesBulk topAssets { asset { id } count } uniqueAssetsTrend { month value } downloadsTrend { month value } downloadersTrend { month value } }";
        var without = (await Environment(selection, new { bulk = false })).At("downloads");
        Assert.Equal("""[{"asset":{"id":"a1"},"count":1},{"asset":{"id":"a2"},"count":1}]""", Compact(without.At("topAssets")));
        Assert.Equal("2026-02=1 2026-03=2", NonZeroTrend(without.At("uniqueAssetsTrend"), "2026-03"));
        Assert.Equal("2026-02=1 2026-03=2", NonZeroTrend(without.At("downloadsTrend"), "2026-03"));
        Assert.Equal("2026-02=1 2026-03=2", NonZeroTrend(without.At("downloadersTrend"), "2026-03"));

        var with = (await Environment(selection, new { bulk = true })).At("downloads");
        Assert.True(with.At("includesBulk").GetBoolean());
        Assert.Equal("2026-02=1 2026-03=4", NonZeroTrend(with.At("downloadsTrend"), "2026-03"));
        Assert.Equal("2026-02=1 2026-03=3", NonZeroTrend(with.At("downloadersTrend"), "2026-03"));
    }

    [Fact]
    public async Task Collections_report_splits_public_downloads_into_original_and_transformed()
    {
        var collections = (await Environment("""
            collections(month: "2026-03") {
              topViewed { rank collection { id name } count }
              topDownloaded { collection { id } count }
              topCreators { rank user count }
              viewsTrend { month value }
              downloadsTrend { month original transformed total }
              createdTrend { month value }
            }
            """)).At("collections");
        Assert.Equal("""[{"rank":1,"collection":{"id":"c1","name":"Spring campaign"},"count":2},{"rank":2,"collection":{"id":"c2","name":"Press kit"},"count":1}]""", Compact(collections.At("topViewed")));
        Assert.Equal("""[{"collection":{"id":"c1"},"count":2},{"collection":{"id":"c2"},"count":1}]""", Compact(collections.At("topDownloaded")));
        Assert.Equal("""[{"rank":1,"user":"u1","count":1},{"rank":2,"user":"u2","count":1}]""", Compact(collections.At("topCreators")));
        Assert.Equal("2026-03=3", NonZeroTrend(collections.At("viewsTrend"), "2026-03"));
        Assert.Equal("2026-03=1", NonZeroTrend(collections.At("downloadsTrend"), "2026-03", "original"));
        Assert.Equal("2026-03=2", NonZeroTrend(collections.At("downloadsTrend"), "2026-03", "transformed"));
        Assert.Equal("2026-03=3", NonZeroTrend(collections.At("downloadsTrend"), "2026-03", "total"));
        Assert.Equal("2026-03=2", NonZeroTrend(collections.At("createdTrend"), "2026-03"));
    }
}
