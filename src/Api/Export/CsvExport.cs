namespace GraphReports.Api.Export;

/// <summary>A CSV column: its header name and the path of the value inside one row's GraphQL object.</summary>
public sealed record CsvColumn(string Name, string Path);

/// <summary>
/// One figure that can be fetched as CSV: the GraphQL field it comes from and the fixed columns it
/// is flattened into. The columns are part of the contract with BI tools: never rename or reorder
/// them, only add new ones at the end.
/// </summary>
/// <param name="Section">The report field of <c>Environment</c> (<c>downloads</c>...) and the first URL segment.</param>
/// <param name="Figure">The list field of the report (<c>topAssets</c>...) and the file name.</param>
/// <param name="Selection">The GraphQL selection of one row.</param>
/// <param name="Columns">Header names and value paths, in file order.</param>
/// <param name="IsTopList">Whether the figure takes <c>limit</c>.</param>
public sealed record CsvExport(string Section, string Figure, string Selection, IReadOnlyList<CsvColumn> Columns, bool IsTopList)
{
    /// <summary>Sections whose report takes <c>includeBulk</c>.</summary>
    public static readonly IReadOnlySet<string> SectionsWithIncludeBulk = new HashSet<string>(StringComparer.Ordinal) { "summary", "engagement", "downloads" };

    public bool TakesIncludeBulk => SectionsWithIncludeBulk.Contains(Section);

    /// <summary>Whether each row is one field of a report object (the summary's figures) rather than one entry of a list.</summary>
    public bool RowsAreFields { get; init; }
}
