using System.Globalization;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Types;

/// <summary>
/// The five scalars of the specification with its result and input coercion rules
/// (Int is 32-bit signed, Float is finite double precision, ID serializes as a string).
/// </summary>
public static class BuiltInScalars
{
    public static GraphQLScalarType Int { get; } = new(
        "Int",
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        SerializeInt,
        ParseInt,
        LiteralCoercion.ParseIntLiteral);

    public static GraphQLScalarType Float { get; } = new(
        "Float",
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        SerializeFloat,
        ParseFloat,
        LiteralCoercion.ParseFloatLiteral);

    public static GraphQLScalarType String { get; } = new(
        "String",
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        SerializeString,
        ParseString,
        LiteralCoercion.ParseStringLiteral);

    public static GraphQLScalarType Boolean { get; } = new(
        "Boolean",
        "The `Boolean` scalar type represents `true` or `false`.",
        SerializeBoolean,
        ParseBoolean,
        LiteralCoercion.ParseBooleanLiteral);

    public static GraphQLScalarType ID { get; } = new(
        "ID",
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        SerializeId,
        ParseId,
        LiteralCoercion.ParseIdLiteral);

    /// <summary>The built-in scalars in the order graphql-js lists them.</summary>
    public static IReadOnlyList<GraphQLScalarType> All { get; } = [String, Int, Float, Boolean, ID];

    public static bool IsBuiltInScalar(GraphQLNamedType type) => All.Contains(type);

    public static bool IsBuiltInScalarName(string name) =>
        name is "String" or "Int" or "Float" or "Boolean" or "ID";

    private static object SerializeInt(object value)
    {
        switch (value)
        {
            case int i:
                return i;
            case bool b:
                return b ? 1 : 0;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return ToInt32(parsed, value, "Int cannot represent non-integer value: ");
            case string:
                throw new GraphQLError($"Int cannot represent non-integer value: {Inspect.Value(value)}");
        }

        if (NumberConversion.TryGetDouble(value, out var number))
        {
            return ToInt32(number, value, "Int cannot represent non-integer value: ");
        }

        throw new GraphQLError($"Int cannot represent non-integer value: {Inspect.Value(value)}");
    }

    private static int ToInt32(double number, object original, string nonIntegerMessage)
    {
        if (!double.IsFinite(number) || Math.Floor(number) != number)
        {
            throw new GraphQLError(nonIntegerMessage + Inspect.Value(original));
        }

        if (number is > int.MaxValue or < int.MinValue)
        {
            throw new GraphQLError($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(original)}");
        }

        return (int)number;
    }

    private static object ParseInt(object value)
    {
        if (value is bool || !NumberConversion.TryGetDouble(value, out var number))
        {
            throw new GraphQLError($"Int cannot represent non-integer value: {Inspect.Value(value)}");
        }

        return ToInt32(number, value, "Int cannot represent non-integer value: ");
    }

    private static object SerializeFloat(object value)
    {
        double number;
        switch (value)
        {
            case bool b:
                return b ? 1d : 0d;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                break;
            default:
                if (!NumberConversion.TryGetDouble(value, out number))
                {
                    throw new GraphQLError($"Float cannot represent non numeric value: {Inspect.Value(value)}");
                }

                break;
        }

        if (!double.IsFinite(number))
        {
            throw new GraphQLError($"Float cannot represent non numeric value: {Inspect.Value(value)}");
        }

        return number;
    }

    private static object ParseFloat(object value)
    {
        if (value is bool || !NumberConversion.TryGetDouble(value, out var number) || !double.IsFinite(number))
        {
            throw new GraphQLError($"Float cannot represent non numeric value: {Inspect.Value(value)}");
        }

        return number;
    }

    private static object SerializeString(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        char c => c.ToString(),
        Guid g => g.ToString(),
        Uri u => u.ToString(),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ when NumberConversion.TryGetDouble(value, out var number) && double.IsFinite(number) =>
            NumberConversion.FormatNumber(value),
        _ => throw new GraphQLError($"String cannot represent value: {Inspect.Value(value)}"),
    };

    private static object ParseString(object value) => value as string
        ?? throw new GraphQLError($"String cannot represent a non string value: {Inspect.Value(value)}");

    private static object SerializeBoolean(object value)
    {
        if (value is bool b)
        {
            return b;
        }

        if (value is not string && NumberConversion.TryGetDouble(value, out var number) && double.IsFinite(number))
        {
            return number != 0;
        }

        throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}");
    }

    private static object ParseBoolean(object value) => value as bool?
        ?? throw new GraphQLError($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}");

    private static object SerializeId(object value) => value switch
    {
        string s => s,
        Guid g => g.ToString(),
        _ when NumberConversion.TryGetDouble(value, out var number) && double.IsFinite(number) && Math.Floor(number) == number =>
            NumberConversion.FormatNumber(value),
        _ => throw new GraphQLError($"ID cannot represent value: {Inspect.Value(value)}"),
    };

    private static object ParseId(object value)
    {
        if (value is string s)
        {
            return s;
        }

        if (value is not bool && NumberConversion.TryGetDouble(value, out var number) && double.IsFinite(number) && Math.Floor(number) == number)
        {
            return NumberConversion.FormatNumber(value);
        }

        throw new GraphQLError($"ID cannot represent value: {Inspect.Value(value)}");
    }
}
