using System.Globalization;
using GraphReports.Analytics.Time;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Types;

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
            .ParseValue(ParseMonth))
        .Scalar("Date", s => s
            .Description("A calendar day written `YYYY-MM-DD` (RFC 3339 `full-date`), in the environment's time zone.")
            .SpecifiedBy("https://www.rfc-editor.org/rfc/rfc3339#section-5.6")
            .Serialize(value => value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : throw new GraphQLError($"Date cannot represent {value}."))
            .ParseValue(ParseDate));

    internal static object ParseMonth(object value) =>
        value is string text && IsMonthText(text) && Month.TryParse(text, out var month)
            ? month
            : throw new GraphQLError($"Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got {Show(value)}.");

    internal static object ParseDate(object value) =>
        value is string text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new GraphQLError($"Date is written YYYY-MM-DD, for example \"2026-03-31\"; got {Show(value)}.");

    // Month.TryParse alone would let signs and spaces through int parsing ("2026-+3").
    private static bool IsMonthText(string text) =>
        text.Length == 7 && text[4] == '-' && text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0 && text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;

    private static string Show(object value) => value is string s ? ReportErrors.Quote(s, '"') : $"{value} (not a string)";
}
