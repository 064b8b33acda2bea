using System.Globalization;
using System.Net;

namespace GraphReports.Api.Tests.EndToEnd;

/// <summary>
/// What the Api serves for the /reports page: the redirects, the page and its vendored chart
/// library, the example operations it runs (byte for byte those of schema/examples/), and the
/// demo keys of its sign-in note; and the summary CSV's to-date columns. The page itself is
/// tested in Chromium by tests/conformance/run-reports-page.sh.
/// </summary>
public sealed class ReportsPageTests(DemoApiFixture api) : IClassFixture<DemoApiFixture>
{
    [Theory]
    [InlineData("/", HttpStatusCode.Found)]
    [InlineData("/reports", HttpStatusCode.MovedPermanently)]
    public async Task The_root_and_reports_without_slash_lead_to_the_page(string path, HttpStatusCode status)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.Client.BaseAddress };
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("/reports/", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task The_page_loads_only_files_of_its_own_origin_and_no_inline_script()
    {
        var (status, type, html) = await api.GetAsync("/reports/", null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/html", type);
        // A strict Content-Security-Policy (script-src 'self') must be able to serve it.
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\""))
        {
            var url = m.Groups[1].Value;
            Assert.True(url.StartsWith('/') || url.StartsWith('#'), $"{url} is not on the page's origin");
            if (url.StartsWith("/reports/")) Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(url, null)).Status);
        }
        var (libraryStatus, libraryType, library) = await api.GetAsync("/reports/vendor/uPlot.iife.min.js", null);
        Assert.Equal(HttpStatusCode.OK, libraryStatus);
        Assert.StartsWith("text/javascript", libraryType);
        Assert.Contains("uPlot", library);
        Assert.Contains("MIT License", (await api.GetAsync("/reports/vendor/uPlot.LICENSE.txt", null)).Body);
    }

    public static TheoryData<string> ExampleOperations() => new(Reports.Examples.All());

    [Theory]
    [MemberData(nameof(ExampleOperations))]
    public async Task Every_example_operation_is_served_to_the_page_as_it_is_in_schema_examples(string example)
    {
        var (status, type, body) = await api.GetAsync("/reports/operations/" + example, null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain; charset=utf-8", type);
        Assert.Equal(File.ReadAllText(Reports.Examples.PathOf(example)), body);
    }

    [Fact]
    public async Task The_sign_in_note_names_only_demo_keys_that_still_open_their_environment()
    {
        // The fixture replaced ACME's and Globex's api keys; Initech keeps its documented demo key.
        var (status, _, body) = await api.GetAsync("/reports/sign-in.json", null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"demoKeys":[{"environment":"initech","name":"Initech","key":"demo-initech-api-key"}]}""", body);
    }

    [Fact]
    public async Task The_summary_CSV_ends_with_the_to_date_columns_equal_to_GraphQL()
    {
        // The fixture's clock is mid-November: November is open, its to-date columns are filled.
        var month = DemoApiFixture.Now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var (status, _, body) = await api.GetAsync($"/export/summary/figures.csv?month={month}", DemoApiFixture.AcmeKey);
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("figure,current,previous,change,change_percent,previous_to_date,change_to_date,change_percent_to_date", lines[0]);
        var searches = (await api.GraphQLAsync(DemoApiFixture.AcmeKey, "query($m: Month) { environment { summary(month: $m) { searches { previousToDate changeToDate } } } }", new { m = month }))
            .GetProperty("data").GetProperty("environment").GetProperty("summary").GetProperty("searches");
        var row = lines.Single(l => l.StartsWith("searches,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(searches.GetProperty("previousToDate").GetInt32().ToString(CultureInfo.InvariantCulture), row[5]);
        Assert.Equal(searches.GetProperty("changeToDate").GetInt32().ToString(CultureInfo.InvariantCulture), row[6]);
        Assert.True(searches.GetProperty("previousToDate").GetInt32() > 0, "mid-month, the demo data has searches in the previous month's first half");

        // A closed month leaves the three columns empty.
        var closed = (await api.GetAsync("/export/summary/figures.csv?month=2026-10", DemoApiFixture.AcmeKey)).Body.Split("\r\n")[1];
        Assert.EndsWith(",,,", closed);
    }
}
