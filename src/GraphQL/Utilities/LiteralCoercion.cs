using System.Globalization;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Utilities;

/// <summary>Literal input coercion of the built-in scalars, with graphql-js's messages.</summary>
internal static class LiteralCoercion
{
    public static object? ParseIntLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        if (literal is not IntValueNode intLiteral)
        {
            throw Error($"Int cannot represent non-integer value: {Printer.Print(literal)}", literal);
        }

        if (!int.TryParse(intLiteral.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"Int cannot represent non 32-bit signed integer value: {intLiteral.Value}", literal);
        }

        return value;
    }

    public static object? ParseFloatLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        IntValueNode i => double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        FloatValueNode f when double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => throw Error($"Float cannot represent non numeric value: {Printer.Print(literal)}", literal),
    };

    public static object? ParseStringLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is StringValueNode s ? s.Value : throw Error($"String cannot represent a non string value: {Printer.Print(literal)}", literal);

    public static object? ParseBooleanLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is BooleanValueNode b ? b.Value : throw Error($"Boolean cannot represent a non boolean value: {Printer.Print(literal)}", literal);

    public static object? ParseIdLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        StringValueNode s => s.Value,
        IntValueNode i => i.Value,
        _ => throw Error($"ID cannot represent a non-string and non-integer value: {Printer.Print(literal)}", literal),
    };

    private static GraphQLError Error(string message, ValueNode node) =>
        new(message, node.Location is { } location ? [location.StartLocation] : null);
}
