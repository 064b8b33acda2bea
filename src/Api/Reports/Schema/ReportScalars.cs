using System.Collections;
using System.Globalization;
using GraphReports.Analytics.Time;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.Api.Reports.Schema;

/// <summary>The <c>Month</c> and <c>Date</c> scalars: calendar values whose instants depend on the environment's time zone.</summary>
internal static class ReportScalars
{
    public static SchemaBuilder AddReportScalars(this SchemaBuilder schema) => schema
        .Scalar("Month", s => s
            .Description("""
                A calendar month written `YYYY-MM` (ISO 8601, reduced precision), for example `2026-03`. Its
                first and last instants are those of the environment's time zone, daylight-saving changes included.
                """)
            .SpecifiedBy("https://www.iso.org/standard/70907.html")
            .Serialize(value => value is Month month ? month.ToString() : throw new GraphQLError($"Month cannot represent {value}."))
            .ParseValue(ParseMonth)
            .ParseLiteral(Literal(ParseMonth)))
        .Scalar("Date", s => s
            .Description("A calendar day written `YYYY-MM-DD` (RFC 3339 `full-date`), in the environment's time zone.")
            .SpecifiedBy("https://www.rfc-editor.org/rfc/rfc3339#section-5.6")
            .Serialize(value => value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : throw new GraphQLError($"Date cannot represent {value}."))
            .ParseValue(ParseDate)
            .ParseLiteral(Literal(ParseDate)));

    internal static object ParseMonth(object value) => ParseMonth(value, Show(value));

    internal static object ParseDate(object value) => ParseDate(value, Show(value));

    /// <summary>A month written <c>YYYY-MM</c> (no signs, spaces or single digits), as the Month scalar takes it.</summary>
    internal static bool TryParseMonth(string text, out Month month)
    {
        month = default;
        return IsMonthText(text) && Month.TryParse(text, out month);
    }

    private static object ParseMonth(object value, string shown) =>
        value is string text && TryParseMonth(text, out var month)
            ? month
            : throw new GraphQLError($"Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got {shown}.");

    private static object ParseDate(object value, string shown) =>
        value is string text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new GraphQLError($"Date is written YYYY-MM-DD, for example \"2026-03-31\"; got {shown}.");

    // A literal is shown by its GraphQL kind; an enum value would otherwise look like the string of its name.
    private static LiteralParser Literal(Func<object, string, object> parse) => (literal, variables) =>
        ValueFromAstUntyped.Convert(literal, variables) is { } plain
            ? parse(plain, literal is EnumValueNode e ? $"the enum value {e.Value}" : Show(plain))
            : null;

    // Month.TryParse alone would let signs and spaces through int parsing ("2026-+3").
    private static bool IsMonthText(string text) =>
        text.Length == 7 && text[4] == '-' && text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0 && text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>A value as a person writing GraphQL or JSON knows it: its kind, never a .NET type name.</summary>
    private static string Show(object value) => value switch
    {
        string s => $"\"{s}\"",
        bool b => b ? "the Boolean true" : "the Boolean false",
        long or int => string.Create(CultureInfo.InvariantCulture, $"the Int {value}"),
        double or float or decimal => string.Create(CultureInfo.InvariantCulture, $"the Float {value}"),
        IDictionary or IReadOnlyDictionary<string, object?> => "an object",
        IEnumerable => "a list",
        _ => "a value that is not a string",
    };
}
