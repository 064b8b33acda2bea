using System.Globalization;

namespace GraphReports.Analytics.Text;

/// <summary>A count with its noun in the right number, for messages people read: "1 month", "2 months", "0 months".</summary>
public static class Counted
{
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for one ("month").</param>
    /// <param name="plural">The noun for any other count; default: <paramref name="singular"/> + "s".</param>
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
