using System.Text.Json;
using GraphReports.GraphQL.Execution;
using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>
/// The static cost of report fields follows what they do: a trend costs its buckets over the period
/// its question covers, a custom question a scan per month, a folder page its page size times each
/// asset's figures. Costs here are the figures docs/robustness.md gives.
/// </summary>
public sealed class QueryCostTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public QueryCostTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    private const string TwoYears = "period: { from: \"2024-04-10\", to: \"2026-04-09\" }"; // 730 days, ending before SmallDataset.Now

    private static string Aliases(int count, string field) =>
        "{ environment { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " } }";

    private async Task<long> CostAsync(string query)
    {
        var result = await _host.ExecuteAsync(ReportTestHost.AcmeKey, query);
        var json = JsonDocument.Parse(ExecutionResultJsonWriter.ToJson(result)).RootElement;
        var over = json.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().FirstOrDefault(e => e.At("extensions.code").GetString() == "MAX_COST_EXCEEDED") : default;
        if (over.ValueKind != JsonValueKind.Undefined) return over.At("extensions.cost").GetInt64();
        // Under budget: ask for the estimate the executor reports.
        var request = new GraphQLRequest(query, Extensions: JsonSerializer.SerializeToElement(new { cost = true }));
        var estimated = await _host.ExecuteWithAsync(ReportTestHost.AcmeKey, request);
        return JsonDocument.Parse(ExecutionResultJsonWriter.ToJson(estimated)).RootElement.At("extensions.cost.estimated").GetInt64();
    }

    [Fact]
    public async Task A_two_year_daily_trend_costs_its_730_buckets_and_24_monthly_scans()
    {
        // environment 1 + activity 1 + total (25 x 24 months) + trend (25 x 24 + 730 buckets x value 1)
        Assert.Equal(1 + 1 + 600 + 600 + 730, await CostAsync($"{{ environment {{ activity(filter: {{ {TwoYears} }}, measure: USERS) {{ total trend(interval: DAY) {{ value }} }} }} }}"));
        Assert.Equal(1 + 1 + 600 + 600 + 106, await CostAsync($"{{ environment {{ activity(filter: {{ {TwoYears} }}) {{ total trend(interval: WEEK) {{ value }} }} }} }}"));
        Assert.Equal(1 + 1 + 25 + 25 + 31, await CostAsync("{ environment { activity(filter: { month: \"2026-03\" }) { total trend { value } } } }"));
    }

    [Fact]
    public async Task Ninety_nine_aliases_of_a_two_year_daily_trend_are_over_the_budget()
    {
        var cost = await CostAsync(Aliases(99, $"activity(filter: {{ {TwoYears} }}, measure: USERS) {{ total trend(interval: DAY) {{ value }} }}"));
        Assert.Equal(1 + 99L * 1931, cost); // was 3,367 when a trend counted 31 buckets and a scan 1
    }

    [Fact]
    public async Task A_folder_page_costs_its_page_size_times_each_assets_trend()
    {
        // folder: 25 x 24 months; assets: 100 x (impressions 1 + performance (2 x 24 + 730 x clicks 1))
        var one = $"folder(path: \"brand\", {TwoYears}, pageSize: 100) {{ assets {{ impressions performance(interval: DAY) {{ clicks }} }} }}";
        Assert.Equal(1 + 600 + 100L * (1 + 48 + 730) + 1, await CostAsync("{ environment { " + one + " } }"));
        Assert.True(await CostAsync(Aliases(20, one)) > 10_000);
    }

    [Fact]
    public async Task Filter_lists_add_to_each_scan()
    {
        var ids = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"u{i}\""));
        Assert.Equal(1 + 1 + 25 + 50, await CostAsync($"{{ environment {{ activity(filter: {{ month: \"2026-03\", users: [{ids}] }}) {{ total }} }} }}"));
    }
}
