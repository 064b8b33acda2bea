namespace GraphReports.Analytics.Time;

/// <summary>
/// A calendar month <c>YYYY-MM</c> (REPORTS.md §2). Provisional copy kept by the reports branch
/// until the store branch's <c>Time</c> folder is merged; then this file goes away.
/// </summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    public Month Previous => Number == 1 ? new Month(Year - 1, 12) : new Month(Year, Number - 1);
    public Month Next => Number == 12 ? new Month(Year + 1, 1) : new Month(Year, Number + 1);
    public Month AddMonths(int n) { var i = Year * 12 + Number - 1 + n; return new Month(i / 12, i % 12 + 1); }
    public int CompareTo(Month other) => (Year * 12 + Number).CompareTo(other.Year * 12 + other.Number);
    public override string ToString() => $"{Year:D4}-{Number:D2}";

    /// <summary>First instant of the month in <paramref name="zone"/>.</summary>
    public DateTimeOffset StartIn(TimeZoneInfo zone) => LocalTimes.StartOfLocalDay(new DateTime(Year, Number, 1), zone);

    /// <summary>First instant after the month in <paramref name="zone"/>.</summary>
    public DateTimeOffset EndIn(TimeZoneInfo zone) => Next.StartIn(zone);

    /// <summary>The month that contains <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static Month Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new Month(local.Year, local.Month);
    }

    public static bool TryParse(string? s, out Month month)
    {
        month = default;
        if (s is not { Length: 7 } || s[4] != '-') return false;
        if (!int.TryParse(s.AsSpan(0, 4), out var y) || !int.TryParse(s.AsSpan(5, 2), out var m) || m is < 1 or > 12 || y < 1) return false;
        month = new Month(y, m);
        return true;
    }
}

/// <summary>Local calendar arithmetic in an IANA zone, daylight-saving changes included.</summary>
public static class LocalTimes
{
    /// <summary>
    /// The first instant of a local calendar day. When midnight does not exist (a DST jump at
    /// 00:00), the day starts at the first local time that does.
    /// </summary>
    public static DateTimeOffset StartOfLocalDay(DateTime localDate, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localDate.Date, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // An ambiguous midnight (clocks fall back at 01:00 to 00:00) starts at its first occurrence: the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
