namespace GraphReports.Analytics.Time;

/// <summary>The months of a trend (REPORTS.md §2): the 12 months ending with the listed month, oldest first.</summary>
public static class TrendWindow
{
    /// <summary>Months in a trend unless a report says otherwise.</summary>
    public const int DefaultLength = 12;

    /// <summary>The <paramref name="length"/> months ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<Month> EndingWith(Month last, int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var months = new Month[length];
        for (var i = 0; i < length; i++) months[i] = last.AddMonths(i - length + 1);
        return months;
    }
}
