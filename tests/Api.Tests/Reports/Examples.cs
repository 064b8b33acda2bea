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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("GraphReports.sln not found above " + AppContext.BaseDirectory);
    }
}
