namespace GraphReports.Api.Tests.Reports;

/// <summary>Finds the repository's schema/ folder from the test's output directory.</summary>
public static class Examples
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(RepositoryRoot, "schema", "schema.graphql");

    public static string PathOf(string example) => Path.Combine(RepositoryRoot, "schema", "examples", example);

    /// <summary>Every example operation, by file name.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "schema", "examples"), "*.graphql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>
    /// The variables an example documents on its <c># Variables: {...}</c> line, exactly as a reader
    /// would paste them into the IDE (the JSON runs to the end of the line or to a " (" remark).
    /// </summary>
    public static System.Text.Json.JsonElement VariablesOf(string example)
    {
        const string Prefix = "# Variables: ";
        var lines = File.ReadLines(PathOf(example)).Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"{example} must document its variables on one '{Prefix}' line");
        var json = lines[0][Prefix.Length..];
        var remark = json.IndexOf(" (", StringComparison.Ordinal);
        if (remark > 0) json = json[..remark];
        return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("GraphReports.sln not found above " + AppContext.BaseDirectory);
    }
}
