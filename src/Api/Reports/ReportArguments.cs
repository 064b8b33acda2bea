using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Api.Reports;

/// <summary>
/// Checks the arguments of report fields against the caller's environment and turns them into the
/// catalogue's terms. Every refusal is a GraphQL error coded <c>BAD_USER_INPUT</c> that names the
/// argument, the value and what would be accepted.
/// </summary>
public static class ReportArguments
{
    /// <summary>The earliest listed month: a trend then starts in 1969, well before any event.</summary>
    public static readonly Month EarliestMonth = new(1970, 1);

    /// <summary>Longest period of asset insights, folder views and custom slices: two years.</summary>
    public const int MaxPeriodDays = 731;

    /// <summary>The smallest and largest <c>limit</c> of a top list (REPORTS.md §3).</summary>
    public const int MinLimit = 1, MaxLimit = 100;

    /// <summary>The listed month: the given one, or the current month of the environment when null.</summary>
    public static Month ListedMonth(Month? month, ReportScope scope, string argument = "month")
    {
        var current = scope.CurrentMonth;
        if (month is not { } m) return current;
        if (m.CompareTo(current) > 0)
            throw ReportErrors.BadInput($"{argument} {m} is after the current month {current} of this environment (time zone {scope.Environment.TimeZone.Id}): there is nothing to report yet.");
        if (m.CompareTo(EarliestMonth) < 0)
            throw ReportErrors.BadInput($"{argument} {m} is before {EarliestMonth}, the earliest month reports accept.");
        return m;
    }

    /// <summary>The report context of a section: the environment seen at the request's instant, for the listed month.</summary>
    public static ReportContext Context(Month? month, ReportScope scope) =>
        new(scope.Environment, ListedMonth(month, scope), scope.Now);

    /// <summary>A top list's <c>limit</c>, 1 to 100.</summary>
    public static int Limit(int limit, string argument = "limit") =>
        limit is >= MinLimit and <= MaxLimit ? limit
            : throw ReportErrors.BadInput($"{argument} must be between {MinLimit} and {MaxLimit}; got {limit}.");

    /// <summary>A page number, 1 or more.</summary>
    public static int Page(int page) =>
        page >= 1 ? page : throw ReportErrors.BadInput($"page must be 1 or more; got {page}.");

    /// <summary>
    /// The period of asset insights, folder views and custom slices: <paramref name="month"/> or
    /// <paramref name="period"/> (not both), by default the current month. A period is whole local days.
    /// </summary>
    public static (Period Period, bool Closed) Period(Month? month, PeriodArgument? period, ReportScope scope)
    {
        if (month is not null && period is not null)
            throw ReportErrors.BadInput("Give either month or period, not both.");
        if (period is null)
        {
            var context = Context(month, scope);
            return (context.Period, context.IsClosed);
        }
        var (from, to) = (period.From, period.To);
        if (to < from)
            throw ReportErrors.BadInput($"period.to ({to:yyyy-MM-dd}) is before period.from ({from:yyyy-MM-dd}).");
        var days = to.DayNumber - from.DayNumber + 1;
        if (days > MaxPeriodDays)
            throw ReportErrors.BadInput($"period covers {days} days; at most {MaxPeriodDays} (two years) are accepted.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scope.Now, scope.Environment.TimeZone).DateTime);
        if (from > today)
            throw ReportErrors.BadInput($"period.from ({from:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}) in this environment (time zone {scope.Environment.TimeZone.Id}).");
        if (from.Year < EarliestMonth.Year)
            throw ReportErrors.BadInput($"period.from ({from:yyyy-MM-dd}) is before {EarliestMonth}-01, the earliest day reports accept.");
        var zone = scope.Environment.TimeZone;
        var start = ZonedCalendar.StartOfDay(from, zone);
        var end = ZonedCalendar.StartOfDay(to.AddDays(1), zone);
        return (new Period(start, end), scope.Now >= end);
    }

    /// <summary>The local calendar day of an instant in the environment's time zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}

/// <summary>The <c>PeriodInput</c> argument: local days, both included.</summary>
public sealed record PeriodArgument(DateOnly From, DateOnly To);
