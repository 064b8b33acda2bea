namespace GraphReports.GraphQL.Tests.TestSupport;

/// <summary>Finds files of the repository (test data committed next to the conformance suites).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GraphReports.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (GraphReports.sln) was not found above " + AppContext.BaseDirectory);
    }
}
