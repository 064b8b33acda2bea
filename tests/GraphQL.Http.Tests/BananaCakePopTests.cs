using System.Net;

namespace GraphReports.GraphQL.Http.Tests;

public sealed class BananaCakePopTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task Browser_get_without_query_is_redirected_permanently_to_the_ide()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.GetAsync("/graphql", BrowserAccept);

        response.HasStatus(HttpStatusCode.MovedPermanently);
        Assert.Equal("/graphql/", response.Headers.Location!.OriginalString);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Browser_get_with_a_query_runs_it_instead_of_redirecting()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);

        var response = await server.GetAsync("/graphql?query=%7B%20hello%20%7D", BrowserAccept);

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.MediaType());
        Assert.Equal(1, engine.Calls);
    }

    [Fact]
    public async Task Ide_page_is_the_packaged_banana_cake_pop_with_its_scripts()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());

        var page = await server.GetAsync("/graphql/", BrowserAccept);

        page.HasStatus(HttpStatusCode.OK);
        Assert.Equal("text/html", page.MediaType());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Banana Cake Pop</title>", html);
        Assert.Contains("<div id=\"root\">", html);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(static/js/main\\.[0-9a-f]+\\.js)\"").Groups[1].Value;
        var scriptResponse = await server.GetAsync("/graphql/" + script);
        scriptResponse.HasStatus(HttpStatusCode.OK);
        Assert.Equal("text/javascript", scriptResponse.MediaType());
        Assert.Contains("immutable", scriptResponse.Headers.CacheControl!.ToString());
        Assert.True((await scriptResponse.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task Ide_page_title_is_the_configured_one_html_encoded()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor(), configure: o => o.Ide.Title = "Reports <R&D>");

        var html = await (await server.GetAsync("/graphql/", BrowserAccept)).Content.ReadAsStringAsync();

        Assert.Contains("<title>Reports &lt;R&amp;D&gt;</title>", html);
        Assert.DoesNotContain("<title>Banana Cake Pop</title>", html);
    }

    [Fact]
    public async Task Ide_license_travels_with_its_files()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());

        var license = await server.GetAsync("/graphql/LICENSE");

        license.HasStatus(HttpStatusCode.OK);
        Assert.Contains("ChilliCream License 1.0", await license.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ide_config_uses_the_browser_url_as_endpoint_with_our_title_and_no_telemetry()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor(), configure: o => o.Ide.Title = "GraphReports");

        var response = await server.GetAsync("/graphql/bcp-config.json");

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal("application/json", response.MediaType());
        var config = await response.JsonAsync();
        Assert.Equal("GraphReports", config.GetProperty("title").GetString());
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
    }

    [Fact]
    public async Task Ide_address_also_answers_graphql_posts_because_the_ide_posts_to_the_browser_url()
    {
        var engine = new RecordingExecutor();
        await using var server = await GraphQLTestServer.StartAsync(engine);
        var content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json");

        var response = await server.Client.PostAsync("/graphql/", content);

        response.HasStatus(HttpStatusCode.OK);
        Assert.Equal("{ hello }", engine.LastRequest!.Query);
    }

    [Theory]
    [InlineData("/graphql/nothing-here.js")]
    [InlineData("/graphql/static/../../../../etc/passwd")]
    [InlineData("/graphql/%2e%2e/%2e%2e/etc/passwd")]
    public async Task Unknown_or_escaping_paths_are_not_found(string url)
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor());

        var response = await server.GetAsync(url);

        response.HasStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_the_ide_a_browser_get_is_a_plain_request_error()
    {
        await using var server = await GraphQLTestServer.StartAsync(new RecordingExecutor(), configure: o => o.Ide.Enabled = false);

        var redirect = await server.GetAsync("/graphql", BrowserAccept);
        var page = await server.GetAsync("/graphql/index.html", BrowserAccept);

        redirect.HasStatus(HttpStatusCode.BadRequest);
        page.HasStatus(HttpStatusCode.NotFound);
    }
}
