using System.Text;
using System.Text.RegularExpressions;

namespace GraphReports.GraphQL.Language;

/// <summary>
/// The specification's block string algorithms: the value of a block string (common indentation
/// and blank first/last lines removed) and how to print a value back as a block string.
/// </summary>
public static partial class BlockString
{
    /// <summary>Joins raw block string lines into the string value (the specification's BlockStringValue).</summary>
    public static string DedentLines(IReadOnlyList<string> lines)
    {
        int commonIndent = int.MaxValue;
        int firstNonEmptyLine = -1;
        int lastNonEmptyLine = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            int indent = LeadingWhiteSpace(line);
            if (indent == line.Length)
            {
                continue; // blank lines do not count toward the common indentation
            }
            if (firstNonEmptyLine < 0)
            {
                firstNonEmptyLine = i;
            }
            lastNonEmptyLine = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }
        if (firstNonEmptyLine < 0)
        {
            return "";
        }
        var value = new StringBuilder();
        for (int i = firstNonEmptyLine; i <= lastNonEmptyLine; i++)
        {
            if (i > firstNonEmptyLine)
            {
                value.Append('\n');
            }
            string line = lines[i];
            value.Append(i == 0 || commonIndent == int.MaxValue ? line : line.Length <= commonIndent ? "" : line[commonIndent..]);
        }
        return value.ToString();
    }

    /// <summary>Prints a string value as a block string the way graphql-js's printer does.</summary>
    public static string Print(string value, bool minimize = false)
    {
        string escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        string[] lines = LineBreak().Split(escaped);
        bool isSingleLine = lines.Length == 1;

        // Lines after the first that all start with white space would lose that indentation
        // when read back, unless the value starts on its own line.
        bool forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || IsWhiteSpace(l[0]));
        bool hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        bool hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        bool hasTrailingSlash = value.EndsWith('\\');
        bool forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        bool printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes);

        var result = new StringBuilder("\"\"\"");
        bool skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }
        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }
        return result.Append("\"\"\"").ToString();
    }

    private static int LeadingWhiteSpace(string line)
    {
        int i = 0;
        while (i < line.Length && IsWhiteSpace(line[i]))
        {
            i++;
        }
        return i;
    }

    private static bool IsWhiteSpace(char c) => c == ' ' || c == '\t';

    [GeneratedRegex("\r\n|[\n\r]")]
    private static partial Regex LineBreak();
}
