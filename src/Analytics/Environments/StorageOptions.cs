namespace GraphReports.Analytics.Environments;

/// <summary>
/// Where the embedded store lives, bound from <c>GraphReports:Storage</c>. The Api and the Indexer
/// use the same setting, so that both open the same file.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "GraphReports:Storage";

    /// <summary>
    /// Path of the SQLite database file (default <c>data/graphreports.db</c>). A relative path is
    /// resolved against the current directory, like a file given on the command line: run from the
    /// repository root, <c>dotnet run --project src/Api</c> and <c>dotnet run --project src/Indexer</c>
    /// share <c>./data/graphreports.db</c>. The folder is created.
    /// </summary>
    public string Path { get; set; } = "data/graphreports.db";

    /// <summary>The absolute database path; creates its folder.</summary>
    public string ResolvePath()
    {
        var path = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }
}
