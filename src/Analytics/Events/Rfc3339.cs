namespace GraphReports.Analytics.Events;

/// <summary>
/// Strict RFC 3339 <c>date-time</c> parsing over UTF-8 bytes. Written by hand rather than using
/// <c>DateTimeOffset.TryParse</c> or <c>Utf8JsonReader.TryGetDateTimeOffset</c> because those accept
/// a time without offset and silently read it as local time, which REPORTS.md §1 forbids; and
/// because it avoids a string per event.
/// </summary>
/// <remarks>
/// Accepted: <c>YYYY-MM-DD</c>, then <c>T</c> (or <c>t</c>, or one space as RFC 3339 §5.6 allows),
/// <c>hh:mm:ss</c>, optional fraction of any length (kept to 100 ns), then <c>Z</c>/<c>z</c> or
/// <c>±hh:mm</c> up to ±14:00 (the range of <see cref="DateTimeOffset"/>). Leap second 60 is refused.
/// </remarks>
public static class Rfc3339
{
    /// <summary>The outcome of <see cref="TryParse"/>.</summary>
    public enum ParseStatus
    {
        Ok,
        /// <summary>A valid date and time that lacks the offset.</summary>
        MissingOffset,
        Invalid,
    }

    public static ParseStatus TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19) return ParseStatus.Invalid;
        if (!Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day)) return ParseStatus.Invalid;
        if (s[10] is not ((byte)'T' or (byte)'t' or (byte)' ')) return ParseStatus.Invalid;
        if (!Digits(s, 11, 2, out var hour) || s[13] != ':' || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second)) return ParseStatus.Invalid;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59) return ParseStatus.Invalid;

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            long scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (scale > 1) { scale /= 10; fractionTicks += (s[i] - '0') * scale; }
                i++;
            }
            if (i == start) return ParseStatus.Invalid;
        }

        if (i == s.Length) return ParseStatus.MissingOffset;
        TimeSpan offset;
        if (s[i] is (byte)'Z' or (byte)'z')
        {
            offset = TimeSpan.Zero;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            if (s.Length - i < 6 || !Digits(s, i + 1, 2, out var oh) || s[i + 3] != ':' || !Digits(s, i + 4, 2, out var om)
                || om > 59) return ParseStatus.Invalid;
            offset = new TimeSpan(oh, om, 0);
            if (offset > TimeSpan.FromHours(14)) return ParseStatus.Invalid;
            if (s[i] == '-') offset = -offset;
            i += 6;
        }
        else return ParseStatus.Invalid;
        if (i != s.Length) return ParseStatus.Invalid;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return ParseStatus.Invalid;
        value = new DateTimeOffset(local, offset);
        return ParseStatus.Ok;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var k = start; k < start + count; k++)
        {
            if (!IsDigit(s[k])) return false;
            value = value * 10 + (s[k] - '0');
        }
        return true;
    }
}
