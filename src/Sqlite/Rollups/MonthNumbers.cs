using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Rollups;

/// <summary>How the report tables write a month: <c>yyyy * 100 + mm</c>, in the environment's zone.</summary>
internal static class MonthNumbers
{
    public static int Of(Month month) => month.Year * 100 + month.Number;

    public static Month ToMonth(int number) => new(number / 100, number % 100);
}
