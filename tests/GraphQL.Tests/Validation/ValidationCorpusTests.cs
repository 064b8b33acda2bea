using System.Text.Json;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Validation;
using Xunit.Abstractions;

namespace GraphReports.GraphQL.Tests.Validation;

/// <summary>
/// Differential validation: every document of tests/conformance/validation/corpus is validated by
/// our engine and must get graphql-js's verdict, errors at the same locations, and the same
/// messages, as recorded in expected.json (which run-validation.sh keeps in step with graphql-js).
/// </summary>
public class ValidationCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<Dictionary<string, ExpectedResult>> Expected = new(() =>
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Harness.ConformanceDirectory, "expected.json")));
        return json.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(
            p => p.Name,
            p => new ExpectedResult(
                p.Value.GetProperty("valid").GetBoolean(),
                p.Value.GetProperty("errors").EnumerateArray().Select(e => new ExpectedError(
                    e.GetProperty("message").GetString()!,
                    e.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}").ToList())).ToList()));
    });

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Harness.ConformanceDirectory, "corpus"), "*.graphql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    private static List<(string Message, List<string> Locations)> OurErrors(string document)
    {
        var text = File.ReadAllText(Path.Combine(Harness.ConformanceDirectory, "corpus", document));
        return DocumentValidator.Validate(Harness.Schema, Parser.Parse(text))
            .Select(e => (e.Message, e.Locations.Select(l => $"{l.Line}:{l.Column}").ToList()))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_gets_graphql_js_verdict_locations_and_messages(string document)
    {
        var expected = Expected.Value[document];
        var actual = OurErrors(document);
        Assert.Equal(expected.Valid, actual.Count == 0);
        Assert.Equal(expected.Errors.Select(e => string.Join(" ", e.Locations)), actual.Select(e => string.Join(" ", e.Locations)));
        Assert.Equal(expected.Errors.Select(e => e.Message), actual.Select(e => e.Message));
    }

    [Fact]
    public void Corpus_covers_every_rule_with_valid_and_invalid_documents()
    {
        var byRule = Expected.Value.GroupBy(e => e.Key[..e.Key.LastIndexOf('-')]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var rule in SpecifiedRuleNames)
        {
            Assert.True(byRule.TryGetValue(rule, out var documents), $"no corpus document for {rule}");
            Assert.Contains(documents, d => d.Value.Valid);
            Assert.Contains(documents, d => !d.Value.Valid);
        }
        Assert.True(Expected.Value.Count >= 300, $"only {Expected.Value.Count} corpus documents");
        Assert.Equal(Directory.GetFiles(Path.Combine(Harness.ConformanceDirectory, "corpus"), "*.graphql").Length, Expected.Value.Count);
    }

    [Fact]
    public void Reports_the_share_of_identical_messages()
    {
        int total = 0;
        int identical = 0;
        foreach (var (document, expected) in Expected.Value)
        {
            var actual = OurErrors(document);
            for (int i = 0; i < expected.Errors.Count; i++)
            {
                total++;
                if (i < actual.Count && actual[i].Message == expected.Errors[i].Message)
                {
                    identical++;
                }
            }
        }
        output.WriteLine($"{identical} of {total} graphql-js error messages reproduced exactly ({100.0 * identical / total:F1}%).");
        Assert.Equal(total, identical);
    }

    private static readonly string[] SpecifiedRuleNames =
    [
        "ExecutableDefinitions", "UniqueOperationNames", "LoneAnonymousOperation", "SingleFieldSubscriptions", "KnownTypeNames",
        "FragmentsOnCompositeTypes", "VariablesAreInputTypes", "ScalarLeafs", "FieldsOnCorrectType", "UniqueFragmentNames",
        "KnownFragmentNames", "NoUnusedFragments", "PossibleFragmentSpreads", "NoFragmentCycles", "UniqueVariableNames",
        "NoUndefinedVariables", "NoUnusedVariables", "KnownDirectives", "UniqueDirectivesPerLocation", "KnownArgumentNames",
        "UniqueArgumentNames", "ValuesOfCorrectType", "ProvidedRequiredArguments", "VariablesInAllowedPosition",
        "OverlappingFieldsCanBeMerged", "UniqueInputFieldNames", "MaxIntrospectionDepth",
    ];

    private sealed record ExpectedError(string Message, List<string> Locations);

    private sealed record ExpectedResult(bool Valid, List<ExpectedError> Errors);
}
