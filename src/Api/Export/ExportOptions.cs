namespace GraphReports.Api.Export;

/// <summary>Settings of the CSV export, bound from <c>GraphReports:Export</c>.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "GraphReports:Export";

    /// <summary>
    /// Whether an export may carry its API key as <c>?key=</c> instead of the <c>Authorization</c>
    /// header, for spreadsheet functions that cannot send headers (Google Sheets <c>IMPORTDATA</c>).
    /// Default false: a key in a URL ends up in browser histories, proxy logs and the spreadsheet
    /// itself. See the README's CSV section before turning it on.
    /// </summary>
    public bool AllowKeyInQuery { get; set; }
}
