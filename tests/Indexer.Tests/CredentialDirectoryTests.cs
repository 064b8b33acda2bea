using GraphReports.Analytics.Environments;

namespace GraphReports.Indexer.Tests;

public class CredentialDirectoryTests
{
    private static GraphReportsOptions Options(params (string Id, string TimeZone, string[] Ingest, string[] Api)[] environments)
    {
        var options = new GraphReportsOptions();
        foreach (var (id, zone, ingest, api) in environments)
            options.Environments[id] = new EnvironmentOptions { TimeZone = zone, IngestKeyHashes = [.. ingest], ApiKeyHashes = [.. api] };
        return options;
    }

    [Fact]
    public void A_bearer_key_resolves_to_its_environment_and_kind()
    {
        var directory = new CredentialDirectory(Options(
            ("acme", "Europe/Berlin", [KeyHasher.Hash("in-1")], [KeyHasher.Hash("api-1")]),
            ("globex", "America/New_York", [KeyHasher.Hash("in-2")], [])));

        var ingest = directory.Resolve("Bearer in-2");
        Assert.True(ingest.IsResolved);
        Assert.Equal("globex", ingest.Credential!.Environment.Id);
        Assert.Equal(CredentialKind.Ingest, ingest.Credential.Kind);
        Assert.Equal("America/New_York", ingest.Credential.Environment.TimeZone.Id);

        var api = directory.Resolve("bearer   api-1 ");
        Assert.Equal(("acme", CredentialKind.Api), (api.Credential!.Environment.Id, api.Credential.Kind));
        Assert.Equal(CredentialStatus.Unknown, directory.Resolve("Bearer API-1").Status);
        Assert.Equal(CredentialStatus.Malformed, directory.Resolve("Bearer").Status);
        Assert.Equal(CredentialStatus.Missing, directory.Resolve(null).Status);
    }

    [Fact]
    public void Keys_are_hashed_as_lower_case_sha256_hex()
    {
        Assert.Equal("2fb6446deb0978c579b7a445a2190f2e78caf5ea21c78fc553025877b7a643d2", KeyHasher.Hash("demo-acme-ingest-key"));
    }

    [Fact]
    public void A_digest_that_is_not_sha256_hex_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CredentialDirectory(Options(("acme", "UTC", ["secret-in-clear"], []))));
        Assert.StartsWith("GraphReports:Environments:acme:IngestKeyHashes holds 'secret-in-clear', which is not a SHA-256 digest", error.Message);
    }

    [Fact]
    public void A_digest_given_twice_stops_the_start()
    {
        var digest = KeyHasher.Hash("shared");
        var error = Assert.Throws<InvalidOperationException>(() => new CredentialDirectory(Options(("a", "UTC", [digest], []), ("b", "UTC", [], [digest]))));
        Assert.Contains("GraphReports:Environments:b:ApiKeyHashes repeats a key digest already given at GraphReports:Environments:a:IngestKeyHashes", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CredentialDirectory(Options(("acme", "Mars/Olympus", [], []))));
        Assert.Equal("GraphReports:Environments:acme:TimeZone 'Mars/Olympus' is not an IANA time zone known to this machine.", error.Message);
    }
}
