using System.Text;

namespace GraphReports.Analytics.Events;

/// <summary>
/// The grouping keys of search texts (REPORTS.md §1): surrounding white space removed, runs of
/// white space collapsed to one space; free texts are also lower-cased (invariant culture), so
/// that "Red  Car " and "red car" are one entry whose display form is "red car".
/// </summary>
public static class TextNormalizer
{
    /// <summary>Key of a free text (<c>search.text</c>): case-folded and white space normalized.</summary>
    public static string? NormalizeText(string? text) =>
        CollapseWhiteSpace(text)?.ToLowerInvariant();

    /// <summary>Key of an advanced expression: white space normalized, case kept (operators may be case-sensitive).</summary>
    public static string? NormalizeExpression(string? expression) => CollapseWhiteSpace(expression);

    private static string? CollapseWhiteSpace(string? s)
    {
        if (s is null) return null;
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
