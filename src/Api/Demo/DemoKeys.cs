using GraphReports.Analytics.Environments;

namespace GraphReports.Api.Demo;

/// <summary>
/// The documented demo api keys (README.md) that still open their environment in this configuration:
/// shown by the welcome banner and on the reports page's sign-in form, never any other key.
/// </summary>
public static class DemoKeys
{
    /// <summary>The clear demo api key of an environment, as documented in README.md.</summary>
    public static string ApiKeyOf(string environmentId) => $"demo-{environmentId}-api-key";

    /// <summary>The environments whose demo api key opens them, with that key.</summary>
    public static IReadOnlyList<(ProductEnvironment Environment, string Key)> StillOpen(CredentialDirectory credentials) =>
        credentials.Environments
            .Select(e => (Environment: e, Key: ApiKeyOf(e.Id)))
            .Where(x => credentials.ResolveKey(x.Key) is { Kind: CredentialKind.Api } c && c.Environment.Id == x.Environment.Id)
            .ToArray();
}
