using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;

namespace GraphReports.Indexer.Tests;

/// <summary>Site keys as configured: what they open, and every mistake that stops the start.</summary>
public class SiteKeyConfigurationTests
{
    private static CredentialDirectory Directory(params (string Environment, SiteKeyOptions Site)[] sites)
    {
        var options = new GraphReportsOptions();
        options.Environments["acme"] = new EnvironmentOptions { IngestKeyHashes = [KeyHasher.Hash("acme-secret-ingest")] };
        options.Environments["globex"] = new EnvironmentOptions();
        foreach (var (environment, site) in sites) options.Environments[environment].SiteKeys.Add(site);
        return new CredentialDirectory(options);
    }

    private static SiteKeyOptions Site(string key, string[] origins, params string[] types) =>
        new() { Key = key, AllowedOrigins = [.. origins], EventTypes = [.. types] };

    [Fact]
    public void A_site_key_opens_its_environment_with_normalized_origins_and_every_trackable_type_by_default()
    {
        var directory = Directory(("acme", Site("acme-web-key", ["HTTPS://WWW.Acme.Example:443/", "http://localhost:8000"])), ("globex", Site("globex-web-key", ["https://globex.example"], "asset.impression")));
        var acme = directory.FindSiteKey("acme-web-key")!;
        Assert.Equal("acme", acme.Environment.Id);
        Assert.Equal(["https://www.acme.example", "http://localhost:8000"], acme.AllowedOrigins);
        Assert.Equal([EventType.AssetImpression, EventType.AssetClick, EventType.AssetRated], acme.EventTypes);
        Assert.True(acme.AllowsOrigin("https://www.acme.example"));
        Assert.False(acme.AllowsOrigin("https://acme.example"));
        Assert.Equal([EventType.AssetImpression], directory.FindSiteKey("globex-web-key")!.EventTypes);
        var local = Directory(("acme", Site("acme-local-key", ["http://[::1]:8080", "http://127.0.0.1:8000"]))).FindSiteKey("acme-local-key")!;
        Assert.Equal(["http://[::1]:8080", "http://127.0.0.1:8000"], local.AllowedOrigins);
        Assert.True(local.AllowsOrigin("http://[::1]:8080"));
        Assert.False(local.AllowsOrigin("http://127.0.0.1:8001"));
        // A browser sends an international host name in its ASCII form.
        var idn = Directory(("acme", Site("acme-idn-key", ["https://bücher.example"]))).FindSiteKey("acme-idn-key")!;
        Assert.True(idn.AllowsOrigin("https://xn--bcher-kva.example"));
        Assert.Null(directory.FindSiteKey("ACME-WEB-KEY"));
        Assert.Equal(["acme-web-key"], directory.SiteKeysOf("acme").Select(k => k.Key));
        // A site key never opens the bearer-key endpoints.
        Assert.Equal(CredentialStatus.Unknown, directory.Resolve("Bearer acme-web-key").Status);
    }

    [Theory]
    [InlineData("short", "is not a site key")]
    [InlineData("has spaces in it", "is not a site key")]
    [InlineData("quote\"inside-key", "is not a site key")]
    public void A_key_that_cannot_travel_in_a_URL_or_an_attribute_stops_the_start(string key, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Directory(("acme", Site(key, ["https://a.example"]))));
        Assert.StartsWith("GraphReports:Environments:acme:SiteKeys:0:Key", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("https://a.example/path")]
    [InlineData("ftp://a.example")]
    [InlineData("a.example")]
    [InlineData("https://a.example/?x=1")]
    public void An_origin_that_is_not_scheme_host_port_stops_the_start(string origin)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Directory(("acme", Site("acme-web-key", [origin]))));
        Assert.StartsWith($"GraphReports:Environments:acme:SiteKeys:0:AllowedOrigins holds '{origin}', which is not an origin", error.Message);
    }

    [Fact]
    public void A_site_key_without_origins_or_with_a_type_a_page_cannot_send_stops_the_start()
    {
        Assert.Contains("AllowedOrigins is empty", Assert.Throws<InvalidOperationException>(() => Directory(("acme", Site("acme-web-key", [])))).Message);
        var error = Assert.Throws<InvalidOperationException>(() => Directory(("acme", Site("acme-web-key", ["https://a.example"], "download"))));
        Assert.Equal("GraphReports:Environments:acme:SiteKeys:0:EventTypes holds 'download': a site key may only send asset.impression, asset.click, asset.rated.", error.Message);
    }

    [Fact]
    public void A_site_key_given_to_two_environments_or_equal_to_a_secret_key_stops_the_start()
    {
        var twice = Assert.Throws<InvalidOperationException>(() => Directory(("acme", Site("shared-web-key", ["https://a.example"])), ("globex", Site("shared-web-key", ["https://g.example"]))));
        Assert.Contains("repeats the site key of environment 'acme'", twice.Message);
        var secret = Assert.Throws<InvalidOperationException>(() => Directory(("globex", Site("acme-secret-ingest", ["https://g.example"]))));
        Assert.Contains("is also configured as an ingest or api key", secret.Message);
    }
}
