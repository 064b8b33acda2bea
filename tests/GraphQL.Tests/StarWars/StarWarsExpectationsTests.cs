using System.Text.Json.Nodes;
using GraphReports.GraphQL.Tests.TestSupport;

namespace GraphReports.GraphQL.Tests.StarWars;

/// <summary>
/// graphql-js's starWarsQuery and starWarsIntrospection tests, ported as data: each case of
/// tests/conformance/starwars/*.json holds an operation and the response graphql-js 16 gives for it
/// (regenerate with <c>node starwars/generate-expectations.mjs</c>); our engine must give the same.
/// </summary>
public sealed class StarWarsExpectationsTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "query.json", "introspection.json" })
        {
            foreach (var item in JsonNode.Parse(RepositoryFiles.ReadText("tests", "conformance", "starwars", file))!.AsArray())
            {
                data.Add(file, item!["name"]!.GetValue<string>());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Response_equals_graphql_js(string file, string name)
    {
        var item = JsonNode.Parse(RepositoryFiles.ReadText("tests", "conformance", "starwars", file))!
            .AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == name)!;

        var actual = await Run.JsonAsync(StarWarsSchema.Schema, item["query"]!.GetValue<string>(), item["variables"]?.DeepClone());

        var expected = item["expected"]!;
        // Field order of data matters; the order of the top-level keys (errors, data) does not.
        Run.AssertJsonEqual(expected["data"]!.ToJsonString(), actual["data"]);
        Run.AssertJsonEqual(expected["errors"]?.ToJsonString() ?? "null", actual["errors"]);
    }
}
