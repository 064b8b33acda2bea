using GraphReports.Analytics.Environments;
using GraphReports.Sqlite;

namespace GraphReports.Api.Demo;

/// <summary>
/// Prints, once the Api listens, where to go: the URLs, each environment's event count, and the
/// demo api keys, but only those that still open their environment (so a configuration with real
/// keys never shows a key).
/// </summary>
public sealed class WelcomePrinter(SqliteEventStore store, CredentialDirectory credentials)
{
    /// <summary>The clear demo api key of an environment, as documented in README.md.</summary>
    public static string DemoApiKey(string environmentId) => $"demo-{environmentId}-api-key";

    public void Print(IReadOnlyList<string> addresses)
    {
        var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
        var lines = new List<string>
        {
            "",
            $"GraphReports Api is listening on {string.Join(", ", addresses)}",
            $"  GraphQL IDE:       {url}/graphql/  (Banana Cake Pop: a new document carries the header Authorization: {Reports.ReportsApi.IdeAuthorizationPlaceholder};",
            "                     put a demo api key from below in its place; operations to paste are in schema/examples/)",
            $"  GraphQL endpoint:  {url}/graphql",
            $"  health:            {url}/health",
            $"  events per tenant: {url}/v1/stats  (header Authorization: Bearer <api key>)",
            "  environments:",
        };
        foreach (var environment in credentials.Environments)
        {
            var key = DemoApiKey(environment.Id);
            var opens = credentials.ResolveKey(key) is { Kind: CredentialKind.Api } c && c.Environment.Id == environment.Id;
            lines.Add($"    {environment.Id,-10} {environment.TimeZone.Id,-18} {store.Reader.CountEvents(environment.Id),10:N0} events{(opens ? $"   demo api key: {key}" : "")}");
        }
        lines.Add($"  try: curl -H 'Authorization: Bearer {DemoApiKey(credentials.Environments.FirstOrDefault()?.Id ?? "acme")}' {url}/v1/stats");
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
