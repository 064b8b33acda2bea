using System.Text.Json.Nodes;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;

namespace GraphReports.GraphQL.Tests.StarWars;

/// <summary>
/// graphql-js's starWarsValidation tests as data (tests/conformance/starwars/validation.json): through the
/// request pipeline, each document gets exactly the validation errors graphql-js 16 reports, or runs.
/// </summary>
public sealed class StarWarsValidationTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in Load())
        {
            data.Add(item!["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validation_errors_equal_graphql_js(string name)
    {
        var item = Load().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var expected = item["expectedErrors"]!.AsArray();

        var result = await Run.ResultAsync(new RequestExecutor(StarWarsSchema.Schema), item["query"]!.GetValue<string>());

        Assert.Equal(expected.Count == 0 ? RequestOutcome.Executed : RequestOutcome.ValidationFailed, result.Outcome);
        if (expected.Count > 0)
        {
            var actual = JsonNode.Parse(ExecutionResultJsonWriter.ToJson(result))!["errors"];
            Run.AssertJsonEqual(expected.ToJsonString(), actual);
        }
    }

    private static JsonArray Load() =>
        JsonNode.Parse(RepositoryFiles.ReadText("tests", "conformance", "starwars", "validation.json"))!.AsArray();
}
