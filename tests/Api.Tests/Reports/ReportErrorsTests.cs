using System.Text.Json;
using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary>Every refused argument gets a GraphQL error that says what is wrong and what is accepted.</summary>
public sealed class ReportErrorsTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public ReportErrorsTests() => SmallDataset.WriteTo(_host);

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> SingleError(string? key, string query, object? variables = null)
    {
        var response = await _host.QueryAsync(key, query, variables);
        var errors = response.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        return errors[0];
    }

    private static string Code(JsonElement error) => error.At("extensions.code").GetString()!;

    [Fact]
    public async Task A_month_after_the_current_one_is_refused_naming_the_current_month()
    {
        var error = await SingleError(ReportTestHost.AcmeKey, "{ environment { summary(month: \"2026-05\") { month } } }");
        Assert.Equal("month 2026-05 is after the current month 2026-04 of this environment (time zone Europe/Berlin): there is nothing to report yet.", error.GetProperty("message").GetString());
        Assert.Equal("BAD_USER_INPUT", Code(error));
        Assert.Equal("""["environment","summary"]""", Compact(error.GetProperty("path")));
    }

    [Fact]
    public async Task A_month_not_written_YYYY_MM_fails_before_execution()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, "query($m: Month) { environment { summary(month: $m) { month } } }", new { m = "March 2026" });
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Contains("Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got \"March 2026\".", response.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_month_literal_not_written_YYYY_MM_fails_validation()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, "{ environment { summary(month: \"2026-13\") { month } } }");
        Assert.False(response.TryGetProperty("data", out _), response.ToString());
        Assert.Contains("YYYY-MM", response.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("summary(month: { year: 2026, month: 3 })", "Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got an object.")]
    [InlineData("summary(month: 202603)", "Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got the Int 202603.")]
    [InlineData("summary(month: MARCH)", "Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got the enum value MARCH.")]
    [InlineData("summary(month: [\"2026-03\"])", "Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got a list.")]
    [InlineData("asset(id: \"a\", period: { from: true, to: \"2026-03-31\" })", "Date is written YYYY-MM-DD, for example \"2026-03-31\"; got the Boolean true.")]
    public async Task A_literal_of_another_kind_is_named_by_its_GraphQL_kind(string field, string message)
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, $"{{ environment {{ {field} {{ __typename }} }} }}");
        Assert.False(response.TryGetProperty("data", out _), response.ToString());
        var text = response.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.True(text!.Contains(message, StringComparison.Ordinal), text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public async Task A_variable_of_another_kind_is_named_by_its_JSON_kind()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, "query($m: Month) { environment { summary(month: $m) { month } } }", new { m = new { year = 2026 } });
        Assert.Contains("; got an object.", response.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task A_limit_outside_1_to_100_is_refused(int limit)
    {
        var error = await SingleError(ReportTestHost.AcmeKey, "query($l: Int) { environment { search(month: \"2026-03\") { topSearches(limit: $l) { text } } } }", new { l = limit });
        Assert.Equal($"limit must be between 1 and 100; got {limit}.", error.GetProperty("message").GetString());
        Assert.Equal("BAD_USER_INPUT", Code(error));
    }

    [Fact]
    public async Task An_asset_the_environment_never_saw_is_not_found_and_only_that_field_is_null()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, "{ environment { name asset(id: \"nope\") { impressions } } }");
        var error = response.GetProperty("errors")[0];
        Assert.Equal("No event of this environment names the asset 'nope'.", error.GetProperty("message").GetString());
        Assert.Equal("NOT_FOUND", Code(error));
        Assert.Equal("""{"environment":{"name":"ACME Corporation","asset":null}}""", Compact(response.GetProperty("data")));
    }

    [Fact]
    public async Task A_folder_the_environment_never_saw_is_not_found()
    {
        var error = await SingleError(ReportTestHost.AcmeKey, "{ environment { folder(path: \"market\") { totalAssets } } }");
        Assert.Equal("No event of this environment names an asset in the folder 'market' or its subfolders.", error.GetProperty("message").GetString());
        Assert.Equal("NOT_FOUND", Code(error));
    }

    [Fact]
    public async Task A_period_given_both_as_month_and_as_days_is_refused()
    {
        var error = await SingleError(ReportTestHost.AcmeKey, "{ environment { asset(id: \"a1\", month: \"2026-03\", period: { from: \"2026-03-01\", to: \"2026-03-02\" }) { clicks } } }");
        Assert.Equal("Give either month or period, not both.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_refused()
    {
        var error = await SingleError(ReportTestHost.AcmeKey, "{ environment { activity(filter: { period: { from: \"2026-03-10\", to: \"2026-03-01\" } }) { total } } }");
        Assert.Equal("period.to (2026-03-01) is before period.from (2026-03-10).", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_empty_filter_list_is_refused_rather_than_answered_with_zero()
    {
        var error = await SingleError(ReportTestHost.AcmeKey, "{ environment { activity(filter: { users: [] }) { total } } }");
        Assert.Equal("filter.users is an empty list, which no event matches; leave it out to count every user.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_request_without_a_key_is_unauthenticated_and_gets_no_data()
    {
        var error = await SingleError(null, "{ environment { name } }");
        Assert.Equal("UNAUTHENTICATED", Code(error));
        Assert.StartsWith("Missing credentials: send the header 'Authorization: Bearer <key>'.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_key_is_unauthenticated()
    {
        var error = await SingleError("not-a-key", "{ environment { name } }");
        Assert.Equal("UNAUTHENTICATED", Code(error));
    }

    [Fact]
    public async Task An_ingest_key_cannot_read_reports()
    {
        var error = await SingleError(ReportTestHost.AcmeIngestKey, "{ environment { name } }");
        Assert.Equal("FORBIDDEN", Code(error));
        Assert.Contains("ingest key", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_schema_can_be_explored_without_a_key()
    {
        var response = await _host.QueryAsync(null, "{ __type(name: \"Summary\") { description } }");
        Assert.False(response.TryGetProperty("errors", out _));
        Assert.Equal("The headline figures of a month, each compared with the month before.", response.At("data.__type.description").GetString());
    }
}
