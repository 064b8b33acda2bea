using System.Text.Json.Nodes;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Tests.Introspection;

/// <summary>
/// graphql-js's full introspection query (descriptions, specifiedByURL, isRepeatable, schema description,
/// deprecated input values, isOneOf) gives, on the same SDL, exactly the response graphql-js 16 gives
/// (recorded by Utilities/Sdl/introspect-with-graphql-js.mjs).
/// </summary>
public sealed class FullIntrospectionTests
{
    [Theory]
    [InlineData("kitchen-sink")]
    [InlineData("defaults")]
    public async Task Full_introspection_equals_graphql_js(string name)
    {
        var schema = SchemaBuilder.FromSdl(RepositoryFiles.ReadText("tests", "GraphQL.Tests", "Utilities", "Sdl", name + ".graphql"));
        var query = RepositoryFiles.ReadText("tests", "GraphQL.Tests", "Utilities", "Sdl", "expected", "introspection-query.graphql");
        var expected = JsonNode.Parse(RepositoryFiles.ReadText("tests", "GraphQL.Tests", "Utilities", "Sdl", "expected", name + ".introspection.json"))!;

        var actual = await Run.JsonAsync(schema, query);

        Assert.Null(actual["errors"]);
        Run.AssertJsonEqual(expected["data"]!.ToJsonString(), actual["data"]);
    }
}
