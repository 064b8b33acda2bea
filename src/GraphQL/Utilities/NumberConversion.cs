using System.Globalization;

namespace GraphReports.GraphQL.Utilities;

/// <summary>Reads any CLR number as a double and formats numbers the way JavaScript prints them.</summary>
internal static class NumberConversion
{
    public static bool TryGetDouble(object value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            default: number = 0; return false;
        }
    }

    public static bool IsNumber(object? value) => value is int or long or double or float or decimal or short or byte or sbyte or ushort or uint or ulong;

    /// <summary>Formats as JavaScript's <c>String(number)</c> would for the common cases (integers without ".0").</summary>
    public static string FormatNumber(object value) => value switch
    {
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string FormatDouble(double d)
    {
        if (Math.Floor(d) == d && Math.Abs(d) < 1e21)
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
