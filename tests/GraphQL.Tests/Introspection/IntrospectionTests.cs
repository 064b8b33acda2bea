using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Introspection;

/// <summary>Introspection details and the switch that turns it off.</summary>
public sealed class IntrospectionTests
{
    private static readonly GraphQLSchema Schema = SchemaBuilder.FromSdl(
        """
        "Reports of a tenant."
        schema { query: Query }
        type Query {
          field(old: Int @deprecated(reason: "gone"), new: Int): Int
          legacy: Int @deprecated
        }
        input Filter @oneOf { a: Int b: Int @deprecated }
        scalar Url @specifiedBy(url: "https://example.com/url")
        directive @again repeatable on FIELD
        """);

    [Fact]
    public async Task Deprecated_items_are_hidden_unless_asked_for()
    {
        var json = await Run.JsonAsync(Schema, """
            {
              q: __type(name: "Query") { fields { name args { name } } all: fields(includeDeprecated: true) { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } }
              f: __type(name: "Filter") { isOneOf inputFields { name } all: inputFields(includeDeprecated: true) { name } }
            }
            """);

        Run.AssertJsonEqual(
            """
            {"q":{"fields":[{"name":"field","args":[{"name":"new"}]}],"all":[{"name":"field","args":[{"name":"old","isDeprecated":true,"deprecationReason":"gone"},{"name":"new","isDeprecated":false,"deprecationReason":null}]},{"name":"legacy","args":[]}]},
             "f":{"isOneOf":true,"inputFields":[{"name":"a"}],"all":[{"name":"a"},{"name":"b"}]}}
            """,
            json["data"]);
    }

    [Fact]
    public async Task Schema_description_specified_by_url_and_repeatable_are_exposed()
    {
        var json = await Run.JsonAsync(Schema, """{ __schema { description directives { name isRepeatable } } __type(name: "Url") { specifiedByURL } }""");

        Assert.Equal("Reports of a tenant.", json["data"]!["__schema"]!["description"]!.GetValue<string>());
        Assert.Equal("https://example.com/url", json["data"]!["__type"]!["specifiedByURL"]!.GetValue<string>());
        Run.AssertJsonEqual("""{"name":"again","isRepeatable":true}""", json["data"]!["__schema"]!["directives"]![0]);
    }

    [Fact]
    public async Task Unknown_type_name_gives_null()
    {
        var json = await Run.JsonAsync(Schema, """{ __type(name: "Nope") { name } }""");

        Run.AssertJsonEqual("""{"__type":null}""", json["data"]);
    }

    [Theory]
    [InlineData("{ __schema { queryType { name } } }", "__schema")]
    [InlineData("{ __type(name: \"Query\") { name } }", "__type")]
    [InlineData("{ ...F } fragment F on Query { __schema { description } }", "__schema")]
    public async Task Disabled_introspection_refuses_schema_and_type(string query, string field)
    {
        var result = await Run.ResultAsync(new RequestExecutor(Schema, new RequestExecutorOptions { EnableIntrospection = false }), query);

        Assert.Equal(RequestOutcome.ValidationFailed, result.Outcome);
        Assert.Equal($"Introspection is disabled, but the query selects \"{field}\".", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Disabled_introspection_still_answers_typename()
    {
        var result = await Run.ResultAsync(new RequestExecutor(Schema, new RequestExecutorOptions { EnableIntrospection = false }), "{ __typename }");

        Assert.Equal("""{"data":{"__typename":"Query"}}""", ExecutionResultJsonWriter.ToJson(result));
    }
}
