using System.Net;
using System.Text.Json;
using GraphReports.Api.Tests.Reports;
using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.EndToEnd;

/// <summary>The Api started with demo data, asked over HTTP what frontends, analysts and BI tools ask.</summary>
public sealed class DemoApiTests(DemoApiFixture api) : IClassFixture<DemoApiFixture>
{
    public static TheoryData<string> ExampleOperations() => new(Examples.All());

    [Theory]
    [MemberData(nameof(ExampleOperations))]
    public async Task Every_example_operation_answers_without_errors_and_with_figures(string example)
    {
        // Exactly the variables the example documents: what a reader pastes into the IDE must work on the demo data.
        var response = await api.GraphQLAsync(DemoApiFixture.AcmeKey, File.ReadAllText(Examples.PathOf(example)), Examples.VariablesOf(example));

        Assert.False(response.TryGetProperty("errors", out var errors), $"{example}: {errors}");
        var numbers = Numbers(response.GetProperty("data")).ToArray();
        Assert.NotEmpty(numbers);
        Assert.Contains(numbers, n => n > 0);
    }

    [Fact]
    public async Task Without_a_request_the_Api_holds_every_event_of_its_open_months_in_memory()
    {
        var reports = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Sqlite.Queries.SqliteReportStore>(api.Services);
        var recent = reports.Recent!;
        // The store's own count of acme's events from the window's start (30 September 2026, the clock being 18 November).
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={api.StorePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM event e JOIN environment v ON v.id = e.env WHERE v.name = 'acme' AND e.ts_ms >= $from";
        command.Parameters.AddWithValue("$from", recent.WindowStart.ToUnixTimeMilliseconds());
        var stored = Convert.ToInt32(command.ExecuteScalar());
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero), recent.WindowStart);
        Assert.True(stored > 0);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (recent.RowsOf("acme") != stored && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(stored, recent.RowsOf("acme"));
    }

    [Fact]
    public async Task The_whole_dashboard_answers_every_section_with_year_long_trends()
    {
        var data = (await api.GraphQLAsync(DemoApiFixture.AcmeKey, File.ReadAllText(Examples.PathOf("dashboard.graphql")))).GetProperty("data").At("environment");

        Assert.Equal("acme", data.At("id").GetString());
        var month = data.At("currentMonth").GetString()!;
        Assert.Equal("2026-11", month); // the host's clock, not today's date
        Assert.Equal(month, data.At("summary.month").GetString());
        Assert.True(data.At("summary.searches.current").GetInt32() > 0);
        Assert.NotEqual("", NonZeroTrend(data.At("engagement.engagedUsersTrend"), month));
        Assert.NotEqual("", NonZeroTrend(data.At("search.searchesTrend"), month));
        Assert.NotEqual("", NonZeroTrend(data.At("downloads.downloadsTrend"), month));
        Assert.NotEqual("", NonZeroTrend(data.At("collections.viewsTrend"), month));
        Assert.InRange(data.At("search.topSearches").GetArrayLength(), 1, 5);
    }

    [Fact]
    public async Task A_trend_exported_as_CSV_has_a_header_and_twelve_months()
    {
        var (status, contentType, body) = await api.GetAsync("/export/downloads/downloadsTrend.csv", DemoApiFixture.AcmeKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/csv", contentType);
        var lines = body.Split("\r\n");
        Assert.Equal("", lines[^1]); // every record ends with CRLF
        Assert.Equal(13, lines.Length - 1);
        Assert.Equal("month,value", lines[0]);
        Assert.All(lines[1..^1], line => Assert.Matches(@"^\d{4}-\d{2},\d+$", line));

        // The same figures as GraphQL gives.
        var graphql = (await api.GraphQLAsync(DemoApiFixture.AcmeKey, "{ environment { downloads { downloadsTrend { month value } } } }")).GetProperty("data");
        var expected = graphql.At("environment.downloads.downloadsTrend").EnumerateArray().Select(p => $"{p.GetProperty("month").GetString()},{p.GetProperty("value").GetInt32()}");
        Assert.Equal(expected, lines[1..^1]);
    }

    [Fact]
    public async Task A_top_list_exported_as_CSV_takes_a_limit_and_keeps_its_columns()
    {
        var (status, _, body) = await api.GetAsync("/export/downloads/topAssets.csv?limit=3&includeBulk=true", DemoApiFixture.AcmeKey);
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,asset_id,asset_name,count", lines[0]);
        Assert.InRange(lines.Length - 1, 1, 3);
        Assert.StartsWith("1,", lines[1]);
    }

    [Fact]
    public async Task Exports_refuse_missing_keys_unknown_figures_and_bad_parameters_with_clear_statuses()
    {
        var missingKey = await api.GetAsync("/export/search/searchesTrend.csv", null);
        Assert.Equal(HttpStatusCode.Unauthorized, missingKey.Status);
        Assert.Equal("application/problem+json", missingKey.ContentType);
        var unknown = await api.GetAsync("/export/search/nothing.csv", DemoApiFixture.AcmeKey);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("search/searchesTrend.csv", unknown.Body);
        var badLimit = await api.GetAsync("/export/search/topSearches.csv?limit=500", DemoApiFixture.AcmeKey);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
        Assert.Contains("limit must be between 1 and 100; got 500.", badLimit.Body);
        var future = await api.GetAsync("/export/search/searchesTrend.csv?month=2999-01", DemoApiFixture.AcmeKey);
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
        Assert.Contains("month 2999-01 is after the current month 2026-11", future.Body);
        // A malformed month is the URL's parameter, not a GraphQL variable the user never wrote.
        var badMonth = await api.GetAsync("/export/search/searchesTrend.csv?month=2026-13", DemoApiFixture.AcmeKey);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.Status);
        Assert.Equal("application/problem+json", badMonth.ContentType);
        Assert.Contains("'month' must be a month written YYYY-MM with a month from 01 to 12, for example 2026-03, not '2026-13'.", badMonth.Body);
        Assert.DoesNotContain("$month", badMonth.Body);
        Assert.DoesNotContain("ariable", badMonth.Body);
        var keyInUrl = await api.GetAsync($"/export/search/searchesTrend.csv?key={DemoApiFixture.AcmeKey}", null);
        Assert.Equal(HttpStatusCode.BadRequest, keyInUrl.Status);
        Assert.Contains("AllowKeyInQuery", keyInUrl.Body);
    }

    [Fact]
    public async Task Each_demo_key_reads_its_own_environment()
    {
        const string query = "{ environment { id summary { searches { current } } } }";
        var acme = (await api.GraphQLAsync(DemoApiFixture.AcmeKey, query)).GetProperty("data");
        var globex = (await api.GraphQLAsync(DemoApiFixture.GlobexKey, query)).GetProperty("data");
        Assert.Equal("acme", acme.At("environment.id").GetString());
        Assert.Equal("globex", globex.At("environment.id").GetString());
    }

    [Fact]
    public async Task The_IDE_starts_new_documents_with_the_Authorization_header_to_fill_in()
    {
        var (status, contentType, body) = await api.GetAsync("/graphql/bcp-config.json", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("application/json", contentType);
        var config = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Bearer <your api key>", config.GetProperty("httpHeaders").GetProperty("Authorization").GetString());
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.Equal("GraphReports", config.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_activity_example_lists_each_filter_with_its_value_beside_its_field()
    {
        var response = await api.GraphQLAsync(DemoApiFixture.AcmeKey, File.ReadAllText(Examples.PathOf("activity.graphql")), Examples.VariablesOf("activity.graphql"));

        var top = response.GetProperty("data").At("environment.searches.top");
        Assert.InRange(top.GetArrayLength(), 1, 5);
        Assert.All(top.EnumerateArray(), entry =>
        {
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("key").GetString()));
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("filterValue").GetString()));
        });
    }

    private static IEnumerable<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };
}
