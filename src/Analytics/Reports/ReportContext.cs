using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Reports;

/// <summary>
/// What every report is about: one environment and its listed month (REPORTS.md §2), seen at
/// <see cref="Now"/> (which decides whether the month is closed and what "current month" means).
/// </summary>
public sealed record ReportContext
{
    /// <summary>A trend is this many months ending with the listed month.</summary>
    public const int TrendLength = TrendWindow.DefaultLength;

    public ReportContext(ProductEnvironment environment, Month month, DateTimeOffset now)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Month = month;
        Now = now;
    }

    /// <summary>The context of <paramref name="month"/>, or of the current month in the environment's zone when null.</summary>
    public static ReportContext For(ProductEnvironment environment, Month? month, DateTimeOffset now) =>
        new(environment, month ?? ZonedCalendar.MonthOf(now, environment.TimeZone), now);

    public ProductEnvironment Environment { get; }
    public Month Month { get; }
    public DateTimeOffset Now { get; }

    public TimeZoneInfo Zone => Environment.TimeZone;

    /// <summary>True once the listed month has ended in the environment's time zone.</summary>
    public bool IsClosed => IsMonthClosed(Month);

    public bool IsMonthClosed(Month month) => Now >= ZonedCalendar.PeriodOf(month, Zone).End;

    /// <summary>
    /// While the listed month is open, the part of the previous month that matches how much of the
    /// listed month has passed (<see cref="ElapsedSpan"/>); null for a closed month.
    /// </summary>
    public Period? PreviousToDatePeriod =>
        ElapsedSpan.InPreviousMonth(Month, Zone, Now) is { } span ? new Period(span.Start, span.End) : null;

    /// <summary>The listed month as a period.</summary>
    public Period Period => PeriodOf(Month);

    public Period PeriodOf(Month month) => Period.ForMonth(month, Zone);

    /// <summary>A filter over the environment for <paramref name="month"/> (default: the listed month).</summary>
    public EventFilter Filter(Month? month = null) => new(Environment.Id, PeriodOf(month ?? Month));

    /// <summary>A filter over the environment for any period (asset insights accept one).</summary>
    public EventFilter Filter(Period period) => new(Environment.Id, period);

    /// <summary>The months of a trend: the 12 ending with the listed month, oldest first.</summary>
    public IReadOnlyList<Month> TrendMonths => TrendWindow.EndingWith(Month, TrendLength);
}
