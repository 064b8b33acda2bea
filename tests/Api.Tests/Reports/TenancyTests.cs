using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>The key decides the environment; nothing in a query can reach another one.</summary>
public sealed class TenancyTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public TenancyTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Each_key_sees_its_own_environment_only()
    {
        const string query = """
            {
              environment {
                id name timeZone
                summary(month: "2026-03") { searches { current } downloads { current } collectionsViewed { current } }
                search(month: "2026-03") { topSearches { text } }
                collections(month: "2026-03") { topViewed { collection { id name } count } }
              }
            }
            """;
        var acme = (await _host.DataAsync(ReportTestHost.AcmeKey, query)).At("environment");
        var globex = (await _host.DataAsync(ReportTestHost.GlobexKey, query)).At("environment");

        Assert.Equal("""{"id":"acme","name":"ACME Corporation","timeZone":"Europe/Berlin"}""", Compact(Pick(acme, "id", "name", "timeZone")));
        Assert.Equal("""{"searches":{"current":7},"downloads":{"current":2},"collectionsViewed":{"current":3}}""", Compact(acme.At("summary")));
        Assert.DoesNotContain("globex secret", Compact(acme.At("search")));
        Assert.Equal("""[{"collection":{"id":"c1","name":"Spring campaign"},"count":2},{"collection":{"id":"c2","name":"Press kit"},"count":1}]""", Compact(acme.At("collections.topViewed")));

        Assert.Equal("""{"id":"globex","name":"Globex","timeZone":"America/New_York"}""", Compact(Pick(globex, "id", "name", "timeZone")));
        Assert.Equal("""{"searches":{"current":1},"downloads":{"current":1},"collectionsViewed":{"current":1}}""", Compact(globex.At("summary")));
        Assert.Equal("""[{"text":"globex secret"}]""", Compact(globex.At("search.topSearches")));
        Assert.Equal("""[{"collection":{"id":"c1","name":"Globex board"},"count":1}]""", Compact(globex.At("collections.topViewed")));
    }

    [Fact]
    public async Task The_same_asset_id_in_two_environments_gives_each_its_own_figures()
    {
        const string query = "{ environment { asset(id: \"a1\", month: \"2026-03\") { asset { name } impressions clicks } } }";
        Assert.Equal("""{"asset":{"name":"Alpha"},"impressions":4,"clicks":1}""", Compact((await _host.DataAsync(ReportTestHost.AcmeKey, query)).At("environment.asset")));
        Assert.Equal("""{"asset":{"name":"Alpha"},"impressions":50,"clicks":0}""", Compact((await _host.DataAsync(ReportTestHost.GlobexKey, query)).At("environment.asset")));
    }

    [Fact]
    public async Task An_asset_only_another_environment_has_is_not_found()
    {
        _host.Write("globex", SmallDataset.Web(GraphReports.Analytics.Events.EventType.AssetImpression, SmallDataset.At(2026, 3, 3, 9, 0, TimeSpan.Zero),
            new GraphReports.Analytics.Events.AssetRef("globex-only", "Secret", "board")));
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, "{ environment { asset(id: \"globex-only\") { impressions } folder(path: \"board\") { totalAssets } } }");
        Assert.Equal("""{"environment":{"asset":null,"folder":null}}""", Compact(response.GetProperty("data")));
        Assert.All(response.GetProperty("errors").EnumerateArray(), e => Assert.Equal("NOT_FOUND", e.At("extensions.code").GetString()));
    }

    [Fact]
    public async Task Every_query_sent_to_the_store_is_bound_to_the_callers_environment()
    {
        var seen = new List<string>();
        using var host = new ReportTestHost(SmallDataset.Now, store => new RecordingStore(store, seen));
        SmallDataset.WriteTo(host);
        await host.DataAsync(ReportTestHost.GlobexKey, System.IO.File.ReadAllText(Examples.PathOf("dashboard.graphql")), new { month = "2026-03" });
        Assert.NotEmpty(seen);
        Assert.All(seen, environment => Assert.Equal("globex", environment));
    }

    private static System.Text.Json.JsonElement Pick(System.Text.Json.JsonElement element, params string[] names) =>
        System.Text.Json.JsonSerializer.SerializeToElement(names.ToDictionary(n => n, n => element.GetProperty(n)));

    private sealed class RecordingStore(GraphReports.Analytics.Queries.IReportStore inner, List<string> environments) : GraphReports.Analytics.Queries.IReportStore
    {
        public Task<IReadOnlyList<GraphReports.Analytics.Queries.QueryResult>> ExecuteAsync(IReadOnlyList<GraphReports.Analytics.Queries.ReportQuery> batch, CancellationToken cancellationToken = default)
        {
            lock (environments) environments.AddRange(batch.Select(q => q.EnvironmentId));
            return inner.ExecuteAsync(batch, cancellationToken);
        }
    }
}
