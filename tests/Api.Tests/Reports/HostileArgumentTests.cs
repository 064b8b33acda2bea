using System.Text.Json;
using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>Arguments far larger than any real question: a clear BAD_USER_INPUT, and no message that echoes them whole.</summary>
public sealed class HostileArgumentTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public HostileArgumentTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("users", 1_001)]
    [InlineData("assets", 40_000)] // past SQLite's 32,766 parameters per statement
    [InlineData("collections", 1_001)]
    public async Task A_filter_list_longer_than_the_documented_maximum_is_bad_user_input(string list, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"id-{i}").ToArray();
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey,
            $"query($ids: [ID!]) {{ environment {{ activity(filter: {{ month: \"2026-03\", {list}: $ids }}) {{ total }} }} }}", new { ids });
        var error = response.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.At("extensions.code").GetString());
        Assert.Equal($"filter.{list} holds {count} entries; at most 1000 are accepted. Ask several questions, or filter by folder.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_filter_list_at_the_maximum_is_answered()
    {
        var ids = Enumerable.Range(0, 1_000).Select(i => $"id-{i}").Append("a1").ToArray()[1..];
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey,
            "query($ids: [ID!]) { environment { activity(filter: { month: \"2026-03\", assets: $ids }) { total } } }", new { ids });
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
    }

    [Fact]
    public async Task Not_found_repeats_at_most_100_characters_of_a_huge_id()
    {
        var id = new string('z', 1_000_000);
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey,
            "query($id: ID!) { environment { asset(id: $id, month: \"2026-03\") { impressions } } }", new { id });
        var error = response.GetProperty("errors")[0];
        Assert.Equal("NOT_FOUND", error.At("extensions.code").GetString());
        Assert.Equal($"No event of this environment names the asset '{new string('z', 100)}...' (1,000,000 characters).", error.GetProperty("message").GetString());
    }
}
