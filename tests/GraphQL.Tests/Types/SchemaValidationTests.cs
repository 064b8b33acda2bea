using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Types;

/// <summary>A schema that breaks a type-system rule is refused when built, with graphql-js's message.</summary>
public sealed class SchemaValidationTests
{
    private static SchemaBuildException Refused(string sdl) => Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl(sdl));

    [Theory]
    [InlineData("type Mutation { a: Int }", "Query root type must be provided.")]
    [InlineData("type Query { a: Int }\ntype Empty", "Type Empty must define one or more fields.")]
    [InlineData("type Query { __a: Int }", "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.")]
    [InlineData("type Query { a(x: Query): Int }", "The type of Query.a(x:) must be Input Type but got: Query.")]
    [InlineData("type Query { a: In }\ninput In { x: Int }", "The type of Query.a must be Output Type but got: In.")]
    [InlineData("type Query { a(x: Int! @deprecated): Int }", "Required argument Query.a(x:) cannot be deprecated.")]
    [InlineData("type Query implements I { a: Int }\ninterface I { b: String }", "Interface field I.b expected but Query does not provide it.")]
    [InlineData("type Query implements I { b: Int }\ninterface I { b: String }", "Interface field I.b expects type String but Query.b is type Int.")]
    [InlineData("type Query implements I { b(x: Int): String }\ninterface I { b(x: String): String }", "Interface field argument I.b(x:) expects type String but Query.b(x:) is type Int.")]
    [InlineData("type Query implements I { b(y: Int!): String }\ninterface I { b: String }", "Object field Query.b includes required argument y that is missing from the Interface field I.b.")]
    [InlineData("type Query implements J { a: Int }\ninterface I { a: Int }\ninterface J implements I { a: Int }", "Type Query must implement I because it is implemented by J.")]
    [InlineData("type Query { a: U }\nunion U = Query | Query", "Union type U can only include type Query once.")]
    [InlineData("type Query { a: U }\nunion U = Query | I\ninterface I { a: Int }", "Union type U can only include Object types, it cannot include I.")]
    [InlineData("type Query { a(x: A): Int }\ninput A { b: B! }\ninput B { a: A! }", "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".")]
    [InlineData("type Query { a(x: P): Int }\ninput P @oneOf { a: Int! b: Int }", "OneOf input field P.a must be nullable.")]
    [InlineData("type Query { a(x: P): Int }\ninput P @oneOf { a: Int = 1 b: Int }", "OneOf input field P.a cannot have a default value.")]
    [InlineData("type Query { a(x: In): Int }\ninput In { x: Int! @deprecated }", "Required input field In.x cannot be deprecated.")]
    [InlineData("type Query { a: Missing }", "Unknown type \"Missing\" (in Query.a).")]
    [InlineData("type Query { a(x: Int = \"text\"): Int }", "Query.a(x:) has invalid default value: \"text\".")]
    public void Rule_breach_is_reported(string sdl, string message)
    {
        Assert.Contains(message, Refused(sdl).Errors);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var exception = Refused("type Query { a: Nope b: Nada }");

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("Nope", exception.Message);
        Assert.Contains("Nada", exception.Message);
    }

    [Fact]
    public void Input_cycle_through_a_list_or_nullable_field_is_allowed()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a(x: A): Int }\ninput A { b: [A!]! c: A }");

        Assert.NotNull(schema.GetType("A"));
    }
}
