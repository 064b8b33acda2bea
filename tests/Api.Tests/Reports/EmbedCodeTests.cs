using System.Text.Json;
using GraphReports.Api.Tracking;
using static GraphReports.Api.Tests.Reports.JsonAssert;

namespace GraphReports.Api.Tests.Reports;

/// <summary><c>Environment.siteKeys</c> and <c>Environment.embedCode</c>: what a site owner pastes, for the caller's own site keys only.</summary>
public sealed class EmbedCodeTests : IDisposable
{
    private readonly ReportTestHost _host = new(SmallDataset.Now);

    public void Dispose() => _host.Dispose();

    private const string EmbedQuery = """
        query($asset: ID!, $key: String!, $url: String!, $alt: String) {
          environment { embedCode(asset: $asset, siteKey: $key, imageUrl: $url, alt: $alt) { asset trackerUrl html image attribute script siteKey { key } } }
        }
        """;

    [Fact]
    public async Task The_embed_code_is_the_image_with_the_asset_attribute_and_the_script_tag_with_the_site_key()
    {
        var data = await _host.DataAsync(ReportTestHost.AcmeKey, EmbedQuery,
            new { asset = "never-seen-asset", key = ReportTestHost.AcmeSiteKey, url = "https://cdn.acme.example/hero.jpg", alt = "Red sneaker" });
        var code = data.At("environment.embedCode");
        Assert.Equal("never-seen-asset", code.GetProperty("asset").GetString());
        Assert.Equal("http://localhost:5081/tracker.js", code.GetProperty("trackerUrl").GetString());
        Assert.Equal("""<img src="https://cdn.acme.example/hero.jpg" alt="Red sneaker" data-graphreports-asset="never-seen-asset">""", code.GetProperty("image").GetString());
        Assert.Equal("""<script async src="http://localhost:5081/tracker.js" data-site-key="test-site-key-acme"></script>""", code.GetProperty("script").GetString());
        Assert.Equal(code.GetProperty("image").GetString() + "\n" + code.GetProperty("script").GetString(), code.GetProperty("html").GetString());
        Assert.Equal("data-graphreports-asset=\"never-seen-asset\"", code.GetProperty("attribute").GetString());
        Assert.Equal(ReportTestHost.AcmeSiteKey, code.At("siteKey.key").GetString());
    }

    [Fact]
    public async Task Every_value_in_the_embed_code_is_HTML_escaped()
    {
        var data = await _host.DataAsync(ReportTestHost.AcmeKey, EmbedQuery,
            new { asset = "a\"><script>alert(1)</script>", key = ReportTestHost.AcmeSiteKey, url = "https://cdn.acme.example/x.jpg?a=1&b=\"2\"", alt = "Tom & Jerry's <b>" });
        var image = data.At("environment.embedCode.image").GetString()!;
        Assert.Equal("""<img src="https://cdn.acme.example/x.jpg?a=1&amp;b=&quot;2&quot;" alt="Tom &amp; Jerry&#39;s &lt;b&gt;" data-graphreports-asset="a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">""", image);
    }

    [Fact]
    public void The_tracker_url_follows_the_configured_public_url()
    {
        Assert.Equal("https://collect.acme.example/tracker.js", new TrackerOptions { PublicUrl = "https://collect.acme.example/" }.TrackerUrl());
        Assert.Equal("https://acme.example/collect/tracker.js", new TrackerOptions { PublicUrl = "https://acme.example/collect" }.TrackerUrl());
        Assert.Null(new TrackerOptions { PublicUrl = "collect.acme.example" }.TrackerUrl());
        Assert.Null(new TrackerOptions { PublicUrl = "ftp://collect.acme.example" }.TrackerUrl());
    }

    [Fact]
    public async Task Another_environments_site_key_is_refused_naming_the_callers_own()
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, EmbedQuery, new { asset = "a-1", key = ReportTestHost.GlobexSiteKey, url = "https://cdn.acme.example/x.jpg" });
        var error = response.GetProperty("errors")[0];
        Assert.Equal("'test-site-key-globex' is not a site key of this environment; its site keys are: test-site-key-acme.", error.GetProperty("message").GetString());
        Assert.Equal("BAD_USER_INPUT", error.At("extensions.code").GetString());
    }

    [Theory]
    [InlineData("hero.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task An_image_url_that_is_not_absolute_http_is_refused(string url)
    {
        var response = await _host.QueryAsync(ReportTestHost.AcmeKey, EmbedQuery, new { asset = "a-1", key = ReportTestHost.AcmeSiteKey, url });
        var error = response.GetProperty("errors")[0];
        Assert.Equal($"imageUrl must be an absolute http or https URL; got '{url}'.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Site_keys_list_only_the_callers_environment_with_origins_and_types()
    {
        var acme = await _host.DataAsync(ReportTestHost.AcmeKey, "{ environment { siteKeys { key name allowedOrigins eventTypes } } }");
        Assert.Equal("""[{"key":"test-site-key-acme","name":"ACME shop","allowedOrigins":["https://shop.acme.example","https://www.acme.example"],"eventTypes":["ASSET_IMPRESSION","ASSET_CLICK","ASSET_RATED"]}]""",
            Compact(acme.At("environment.siteKeys")));
        var globex = await _host.DataAsync(ReportTestHost.GlobexKey, "{ environment { siteKeys { key name eventTypes } } }");
        Assert.Equal("""[{"key":"test-site-key-globex","name":"test-site-key-globex","eventTypes":["ASSET_IMPRESSION"]}]""", Compact(globex.At("environment.siteKeys")));
    }
}
