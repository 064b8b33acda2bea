using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Execution;

/// <summary>CoerceVariableValues: values from JSON, defaults, and graphql-js's messages for bad ones.</summary>
public sealed class VariableCoercionTests
{
    private static readonly GraphQLSchema Schema = SchemaBuilder.FromSdl(
        """
        type Query {
          echo(int: Int, float: Float, text: String, flag: Boolean, id: ID, ints: [Int], range: Range, color: Color, pick: Pick): String
        }
        input Range { from: Int! to: Int = 10 }
        enum Color { RED GREEN }
        input Pick @oneOf { a: Int b: String }
        """,
        new Dictionary<string, FieldResolver>
        {
            ["Query.echo"] = ctx => new(System.Text.Json.JsonSerializer.Serialize(ctx.Arguments.ToDictionary(p => p.Key, p => p.Value is Enum or null ? p.Value?.ToString() : p.Value))),
        });

    private static async Task<ExecutionResult> Execute(string query, string variablesJson) =>
        await Run.ResultAsync(new RequestExecutor(Schema), query, variablesJson);

    [Theory]
    [InlineData("query($v: Int) { echo(int: $v) }", """{"v":"1"}""", "Variable \"$v\" got invalid value \"1\"; Int cannot represent non-integer value: \"1\"")]
    [InlineData("query($v: Int) { echo(int: $v) }", """{"v":1.5}""", "Variable \"$v\" got invalid value 1.5; Int cannot represent non-integer value: 1.5")]
    [InlineData("query($v: Int) { echo(int: $v) }", """{"v":3000000000}""", "Variable \"$v\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000")]
    [InlineData("query($v: Int!) { echo(int: $v) }", """{}""", "Variable \"$v\" of required type \"Int!\" was not provided.")]
    [InlineData("query($v: Int!) { echo(int: $v) }", """{"v":null}""", "Variable \"$v\" of non-null type \"Int!\" must not be null.")]
    [InlineData("query($v: String) { echo(text: $v) }", """{"v":1}""", "Variable \"$v\" got invalid value 1; String cannot represent a non string value: 1")]
    [InlineData("query($v: Boolean) { echo(flag: $v) }", """{"v":"true"}""", "Variable \"$v\" got invalid value \"true\"; Boolean cannot represent a non boolean value: \"true\"")]
    [InlineData("query($v: [Int]) { echo(ints: $v) }", """{"v":[1,"x"]}""", "Variable \"$v\" got invalid value \"x\" at \"v[1]\"; Int cannot represent non-integer value: \"x\"")]
    [InlineData("query($v: Range) { echo(range: $v) }", """{"v":{"to":2}}""", "Variable \"$v\" got invalid value { to: 2 }; Field \"from\" of required type \"Int!\" was not provided.")]
    [InlineData("query($v: Range) { echo(range: $v) }", """{"v":{"from":1,"too":2}}""", "Variable \"$v\" got invalid value { from: 1, too: 2 }; Field \"too\" is not defined by type \"Range\". Did you mean \"to\"?")]
    [InlineData("query($v: Color) { echo(color: $v) }", """{"v":"BLUE"}""", "Variable \"$v\" got invalid value \"BLUE\"; Value \"BLUE\" does not exist in \"Color\" enum.")]
    [InlineData("query($v: Pick) { echo(pick: $v) }", """{"v":{"a":1,"b":"x"}}""", "Variable \"$v\" got invalid value { a: 1, b: \"x\" }; Exactly one key must be specified for OneOf type \"Pick\".")]
    public async Task Invalid_variable_is_refused_with_graphql_js_message(string query, string variables, string message)
    {
        var result = await Execute(query, variables);

        Assert.Equal(RequestOutcome.CoercionFailed, result.Outcome);
        Assert.Equal(message, Assert.Single(result.Errors).Message);
        Assert.Equal(1, result.Errors[0].Locations[0].Line);
    }

    [Fact]
    public async Task Valid_variables_are_coerced_with_defaults_and_single_values_become_lists()
    {
        var result = await Execute(
            "query($i: Int, $f: Float, $id: ID, $l: [Int], $r: Range, $c: Color = GREEN) { echo(int: $i, float: $f, id: $id, ints: $l, range: $r, color: $c) }",
            """{"i":1.0,"f":2,"id":7,"l":5,"r":{"from":1}}""");

        Assert.Equal(RequestOutcome.Executed, result.Outcome);
        Assert.Equal(
            """{"int":1,"float":2,"id":"7","ints":[5],"range":{"from":1,"to":10},"color":"GREEN"}""",
            ((IReadOnlyDictionary<string, object?>)result.Data!)["echo"]);
    }

    [Fact]
    public async Task Invalid_literal_argument_is_a_validation_error()
    {
        var result = await Execute("{ echo(int: \"x\") }", "{}");

        Assert.Equal(RequestOutcome.ValidationFailed, result.Outcome);
        Assert.Equal("Int cannot represent non-integer value: \"x\"", result.Errors[0].Message);
    }
}
