using System.Text;

namespace GraphReports.Tests.Hostile;

/// <summary>
/// A seeded source of malformed and hostile variations of valid inputs, for the bad-input campaigns
/// of both hosts: the same seed gives the same cases, so a failure is reproduced by its seed and
/// case number. Compiled into each test project that runs a campaign (linked, not a package).
/// </summary>
public sealed class HostileInputs(int seed)
{
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    /// <summary>Byte sequences that are not UTF-8, or are UTF-8 of what JSON text must not hold raw.</summary>
    public static readonly byte[][] BadBytes =
    [
        [0xFF, 0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x00], [0x1F],
    ];

    /// <summary>JSON-level poison: lone surrogates, numbers no type holds, deep nesting, out-of-range instants.</summary>
    public static readonly string[] BadJsonValues =
    [
        "\"\\ud800\"", "\"\\udfff x\"", "\"a\\ud83d\"", "1e99999", "-1e99999", "123456789012345678901234567890", "-0", "1.5",
        "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"0000-00-00T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"",
        "\"2026-11-20T25:00:00Z\"", "\"2026-11-20T10:00:00\"", "\"2026-11-20T10:00:00+15:00\"", "\"+002026-11-20T10:00:00Z\"",
        "[]", "{}", "null", "true", "\"\"", "\" \"", new string('[', 300) + new string(']', 300),
        "\"" + new string('x', 5000) + "\"", "{\"id\":{\"id\":{\"id\":1}}}", "\"\\u0000\"", "\"javascript:alert(1)\"",
    ];

    /// <summary>One of a handful of ways to damage raw bytes.</summary>
    public byte[] MutateBytes(byte[] valid)
    {
        if (valid.Length == 0) return Pick(BadBytes);
        var at = _random.Next(valid.Length);
        switch (_random.Next(7))
        {
            case 0: // flip a byte
                var copy = (byte[])valid.Clone();
                copy[at] ^= (byte)(1 << _random.Next(8));
                return copy;
            case 1: // insert bytes that are not UTF-8
                return [.. valid[..at], .. Pick(BadBytes), .. valid[at..]];
            case 2: // truncate
                return valid[..at];
            case 3: // repeat a slice
                var length = Math.Min(valid.Length - at, 1 + _random.Next(40));
                return [.. valid[..(at + length)], .. valid[at..]];
            case 4: // delete a slice
                return [.. valid[..at], .. valid[Math.Min(valid.Length, at + 1 + _random.Next(20))..]];
            case 5: // insert a poisoned JSON value
                return [.. valid[..at], .. Encoding.UTF8.GetBytes(Pick(BadJsonValues)), .. valid[at..]];
            default: // a structural character somewhere
                return [.. valid[..at], (byte)Pick('{', '}', '[', ']', ',', ':', '"', '\\', '\n'), .. valid[at..]];
        }
    }

    /// <summary>Replaces the value of one <c>"name":value</c> pair of flat JSON text with a poisoned value (or bad bytes).</summary>
    public byte[] PoisonValue(string json)
    {
        var colons = Enumerable.Range(0, json.Length).Where(i => json[i] == ':').ToArray();
        if (colons.Length == 0) return Encoding.UTF8.GetBytes(json);
        var colon = colons[_random.Next(colons.Length)];
        var end = colon + 1;
        if (end < json.Length && json[end] == '"')
        {
            end++;
            while (end < json.Length && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
            end++;
        }
        else while (end < json.Length && json[end] is not (',' or '}' or ']')) end++;
        end = Math.Min(end, json.Length);
        var head = Encoding.UTF8.GetBytes(json[..(colon + 1)]);
        var tail = Encoding.UTF8.GetBytes(json[end..]);
        byte[] value = Chance(0.3) ? [(byte)'"', .. Pick(BadBytes), (byte)'"'] : Encoding.UTF8.GetBytes(Pick(BadJsonValues));
        return [.. head, .. value, .. tail];
    }

    /// <summary>A random printable or hostile string for a text parameter (URL query values, GraphQL strings).</summary>
    public string HostileText() => _random.Next(10) switch
    {
        0 => "",
        1 => new string('9', 1 + _random.Next(40)),
        2 => new string('x', 1 + _random.Next(20_000)),
        3 => "-" + _random.Next(),
        4 => "2026-" + _random.Next(100).ToString("D2"),
        5 => "\ud800",
        6 => "=cmd|' /C calc'!A0",
        7 => "' OR 1=1 --",
        8 => "%00%ff",
        _ => _random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
