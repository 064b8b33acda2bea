using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Types;

/// <summary>Result and input coercion of the built-in scalars, as the specification and graphql-js define them.</summary>
public sealed class BuiltInScalarTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1L, 1)]
    [InlineData(2.0, 2)]
    [InlineData(true, 1)]
    [InlineData("12", 12)]
    public void Int_serializes_integral_values(object input, int expected) =>
        Assert.Equal(expected, BuiltInScalars.Int.Serialize(input));

    [Theory]
    [InlineData(1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData(2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("abc", "Int cannot represent non-integer value: \"abc\"")]
    public void Int_refuses_to_serialize_non_32_bit_integers(object input, string message) =>
        Assert.Equal(message, Assert.Throws<GraphQLError>(() => BuiltInScalars.Int.Serialize(input)).Message);

    [Fact]
    public void Float_refuses_infinity_and_NaN()
    {
        Assert.Throws<GraphQLError>(() => BuiltInScalars.Float.Serialize(double.PositiveInfinity));
        Assert.Throws<GraphQLError>(() => BuiltInScalars.Float.ParseValue(double.NaN));
        Assert.Equal(3d, BuiltInScalars.Float.ParseValue(3L));
    }

    [Fact]
    public void Input_coercion_is_strict_where_result_coercion_is_lenient()
    {
        Assert.Equal("true", BuiltInScalars.String.Serialize(true));
        Assert.Throws<GraphQLError>(() => BuiltInScalars.String.ParseValue(true));
        Assert.Equal(true, BuiltInScalars.Boolean.Serialize(1));
        Assert.Throws<GraphQLError>(() => BuiltInScalars.Boolean.ParseValue(1L));
        Assert.Throws<GraphQLError>(() => BuiltInScalars.Int.ParseValue(true));
    }

    [Fact]
    public void ID_accepts_strings_and_integers_and_serializes_as_string()
    {
        Assert.Equal("7", BuiltInScalars.ID.ParseValue(7L));
        Assert.Equal("abc", BuiltInScalars.ID.ParseValue("abc"));
        Assert.Equal("42", BuiltInScalars.ID.Serialize(42));
        Assert.Throws<GraphQLError>(() => BuiltInScalars.ID.ParseValue(1.5));
    }
}
