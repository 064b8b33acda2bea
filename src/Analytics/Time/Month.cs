using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GraphReports.Analytics.Time;

/// <summary>
/// A calendar month, written <c>YYYY-MM</c> (REPORTS.md §2). A plain calendar value: which instants
/// it covers depends on a time zone, see <see cref="ZonedCalendar"/>. Ordered; default is 0001-01.
/// </summary>
public readonly struct Month : IEquatable<Month>, IComparable<Month>, ISpanParsable<Month>
{
    // Months since 0001-01, so that ordering, distance and arithmetic are integer operations.
    private readonly int _index;

    private Month(int index) => _index = index;

    /// <param name="year">1 to 9999.</param>
    /// <param name="month">1 to 12.</param>
    public Month(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "a month's year must be from 1 to 9999");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "a month's number must be from 1 to 12");
        _index = (year - 1) * 12 + month - 1;
    }

    public int Year => _index / 12 + 1;

    /// <summary>1 (January) to 12 (December).</summary>
    public int Number => _index % 12 + 1;

    /// <summary>The month's first day (a calendar date, no time zone).</summary>
    public DateOnly FirstDay => new(Year, Number, 1);

    public int DayCount => DateTime.DaysInMonth(Year, Number);

    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public Month Previous() => AddMonths(-1);

    public Month Next() => AddMonths(1);

    public Month AddMonths(int months)
    {
        var index = (long)_index + months;
        if (index is < 0 or >= 9999 * 12) throw new ArgumentOutOfRangeException(nameof(months), months, "the month would be outside 0001-01..9999-12");
        return new Month((int)index);
    }

    /// <summary>How many months from <paramref name="earlier"/> to this one (0 when equal, negative when later).</summary>
    public int MonthsSince(Month earlier) => _index - earlier._index;

    /// <summary>Parses <c>YYYY-MM</c> (exactly four digits, a dash, two digits).</summary>
    /// <exception cref="FormatException">With a message saying what a month looks like.</exception>
    public static Month Parse(string s) => Parse(s.AsSpan(), null);

    public static Month Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var month)
            ? month
            : throw new FormatException($"a month is written YYYY-MM with a month from 01 to 12, e.g. 2026-11; got \"{s}\"");

    public static Month Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static bool TryParse([NotNullWhen(true)] string? s, out Month month) => TryParse(s.AsSpan(), null, out month);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Month month) =>
        TryParse(s.AsSpan(), provider, out month);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Month month)
    {
        month = default;
        if (s.Length != 7 || s[4] != '-') return false;
        foreach (var i in (ReadOnlySpan<int>)[0, 1, 2, 3, 5, 6])
            if (!char.IsAsciiDigit(s[i])) return false;
        var year = int.Parse(s[..4], CultureInfo.InvariantCulture);
        var number = int.Parse(s[5..], CultureInfo.InvariantCulture);
        if (year < 1 || number is < 1 or > 12) return false;
        month = new Month(year, number);
        return true;
    }

    /// <summary><c>YYYY-MM</c>, e.g. <c>2026-03</c>.</summary>
    public override string ToString() => $"{Year:D4}-{Number:D2}";

    public bool Equals(Month other) => _index == other._index;

    public override bool Equals(object? obj) => obj is Month other && Equals(other);

    public override int GetHashCode() => _index;

    public int CompareTo(Month other) => _index.CompareTo(other._index);

    public static bool operator ==(Month a, Month b) => a._index == b._index;

    public static bool operator !=(Month a, Month b) => a._index != b._index;

    public static bool operator <(Month a, Month b) => a._index < b._index;

    public static bool operator >(Month a, Month b) => a._index > b._index;

    public static bool operator <=(Month a, Month b) => a._index <= b._index;

    public static bool operator >=(Month a, Month b) => a._index >= b._index;
}
