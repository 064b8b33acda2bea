using System.Text;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Tests.Events;

/// <summary>
/// Values that JSON lets through but text and the calendar cannot hold: each is a rejection naming
/// its field, never an exception (an exception would take the whole batch down).
/// </summary>
public class MalformedValueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly EventJsonReader _reader = new(new FixedClock(Now));

    private const string Good = """{"id":"e1","type":"search","timestamp":"2026-11-20T10:00:00Z","user":"u","session":"s","search":{"kind":"text","text":"t"}}""";

    /// <summary>The good event with the raw JSON text of one value replaced.</summary>
    private static byte[] With(string jsonValueOf, byte[] raw)
    {
        var text = Good.Replace(jsonValueOf, "\u0001");
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)1);
        return [.. bytes[..at], .. raw, .. bytes[(at + 1)..]];
    }

    [Theory]
    [InlineData("\"u\"", "user")]
    [InlineData("\"s\"", "session")]
    [InlineData("\"e1\"", "id")]
    [InlineData("\"t\"", "search.text")]
    [InlineData("\"2026-11-20T10:00:00Z\"", "timestamp")]
    public void Invalid_utf8_in_a_string_is_a_rejection_naming_the_field(string value, string field)
    {
        var result = _reader.Read(With(value, [(byte)'"', 0xFF, 0xFE, (byte)'"']));
        Assert.False(result.IsAccepted);
        Assert.False(result.IsMalformedJson);
        Assert.Equal(field, result.Field);
        Assert.Contains($"`{field}`", result.Error);
        Assert.Contains("UTF-8", result.Error);
    }

    [Theory]
    [InlineData("\"u\"", "user")]
    [InlineData("\"t\"", "search.text")]
    [InlineData("\"e1\"", "id")]
    [InlineData("\"2026-11-20T10:00:00Z\"", "timestamp")]
    public void A_lone_surrogate_escape_is_a_rejection_naming_the_field(string value, string field)
    {
        var result = _reader.Read(With(value, Encoding.ASCII.GetBytes("\"a\\ud800b\"")));
        Assert.Equal(field, result.Field);
        Assert.Contains("lone surrogate", result.Error);
    }

    [Fact]
    public void A_surrogate_pair_escape_is_text()
    {
        var result = _reader.Read(With("\"u\"", Encoding.ASCII.GetBytes("\"\\ud83d\\ude00\"")));
        Assert.True(result.IsAccepted, result.Error);
        Assert.Equal("\U0001F600", result.Event!.User);
    }

    [Fact]
    public void Encoded_surrogates_in_raw_bytes_are_not_utf8()
    {
        // ED A0 80 would be U+D800 in "UTF-8" that allows surrogates (CESU); real UTF-8 does not.
        var result = _reader.Read(With("\"u\"", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']));
        Assert.Equal("user", result.Field);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-12-31T23:59:59Z")]
    [InlineData("0002-01-01T00:00:00+00:01")] // 0001-12-31T23:59Z in UTC
    [InlineData("9999-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9998-12-31T23:00:00-01:00")] // 9999-01-01T00:00Z in UTC
    public void Instants_outside_the_calendar_range_are_rejected(string timestamp)
    {
        var reader = new EventJsonReader(new FixedClock(DateTimeOffset.MaxValue.AddDays(-1)));
        var result = reader.Read(Encoding.UTF8.GetBytes(Good.Replace("2026-11-20T10:00:00Z", timestamp)));
        Assert.Equal("timestamp", result.Field);
        Assert.Contains("0002-01-01T00:00:00Z", result.Error);
    }

    [Theory]
    [InlineData("0002-01-01T00:00:00Z")]
    [InlineData("0002-01-01T14:00:00+14:00")] // exactly 0002-01-01T00:00Z
    [InlineData("9998-12-31T23:59:59.9999999Z")]
    public void Instants_at_the_ends_of_the_range_are_accepted(string timestamp)
    {
        var reader = new EventJsonReader(new FixedClock(DateTimeOffset.MaxValue.AddDays(-1)));
        var result = reader.Read(Encoding.UTF8.GetBytes(Good.Replace("2026-11-20T10:00:00Z", timestamp)));
        Assert.True(result.IsAccepted, result.Error);
    }
}
