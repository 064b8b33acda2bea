using System.Globalization;
using System.Text;

namespace GraphReports.Api.Export;

/// <summary>
/// Writes tables as RFC 4180 CSV: comma-separated, CRLF after every record (the header too),
/// a field quoted only when it holds a comma, a double quote, CR or LF, inner quotes doubled.
/// Numbers use the invariant culture so that a spreadsheet in any locale reads the same values.
/// </summary>
public static class CsvWriter
{
    /// <summary>The media type of the exports, with RFC 4180's optional <c>header</c> parameter.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>
    /// Writes a header record and one record per row. Every row must have as many cells as the header:
    /// a ragged table would silently shift columns in a BI tool, so it is refused.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, bool escapeFormulas)
    {
        WriteRecord(writer, header.Cast<object?>().ToArray(), escapeFormulas: false);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new ArgumentException($"A row has {row.Count} cells but the header has {header.Count} columns.", nameof(rows));
            WriteRecord(writer, row, escapeFormulas);
        }
    }

    /// <summary>The whole table as a string (tests, small exports).</summary>
    public static string ToCsv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, bool escapeFormulas = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, header, rows, escapeFormulas);
        return writer.ToString();
    }

    private static void WriteRecord(TextWriter writer, IReadOnlyList<object?> cells, bool escapeFormulas)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var text = Format(cells[i]);
            if (escapeFormulas && cells[i] is string && StartsLikeFormula(text)) text = "'" + text;
            writer.Write(NeedsQuotes(text) ? Quote(text) : text);
        }
        writer.Write("\r\n");
    }

    /// <summary>Null is an empty field; booleans are <c>true</c>/<c>false</c>; numbers are invariant and round-trip.</summary>
    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Spreadsheets evaluate a cell starting with one of these as a formula: a search text such as
    // "=HYPERLINK(...)" typed by any library user would run in the analyst's spreadsheet (OWASP "CSV injection").
    private static bool StartsLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool NeedsQuotes(string text) => text.AsSpan().IndexOfAny(",\"\r\n") >= 0;

    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        return sb.ToString();
    }
}
