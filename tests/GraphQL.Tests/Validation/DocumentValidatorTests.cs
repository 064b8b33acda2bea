using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;

namespace GraphReports.GraphQL.Tests.Validation;

public class DocumentValidatorTests
{
    private static string ManyUnknownFields(int count) =>
        "{ dog { " + string.Join(" ", Enumerable.Range(0, count).Select(i => "unknown" + i)) + " } }";

    [Fact]
    public void Validation_stops_after_the_error_limit_with_a_final_error_saying_so()
    {
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse(ManyUnknownFields(10)), maxErrors: 3);
        Assert.Equal(4, errors.Count);
        Assert.Equal("Cannot query field \"unknown0\" on type \"Dog\".", errors[0].Message);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[3].Message);
        Assert.Empty(errors[3].Locations);
    }

    [Fact]
    public void The_default_limit_is_one_hundred_errors()
    {
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse(ManyUnknownFields(150)));
        Assert.Equal(101, errors.Count);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[^1].Message);
    }

    [Fact]
    public void Exactly_the_limit_of_errors_is_reported_without_the_final_error()
    {
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse(ManyUnknownFields(3)), maxErrors: 3);
        Assert.Equal(3, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message == DocumentValidator.TooManyErrorsMessage);
    }

    [Fact]
    public void Errors_of_all_rules_come_in_document_order_then_rule_order()
    {
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse("query Q($unused: Int) { dog { unknown barks { x } } }"));
        Assert.Equal(
            [
                "Cannot query field \"unknown\" on type \"Dog\". @ 1:31",
                "Field \"barks\" must not have a selection since type \"Boolean\" has no subfields. @ 1:45",
                "Variable \"$unused\" is never used in operation \"Q\". @ 1:9",
            ],
            Harness.Describe(errors));
    }

    [Fact]
    public void Hidden_suggestions_leave_names_of_the_schema_out_of_messages()
    {
        var errors = DocumentValidator.Validate(
            Harness.Schema, Parser.Parse("{ dog { barkVolumee } pet { meows } }"), hideSuggestions: true);
        Assert.Equal(
            ["Cannot query field \"barkVolumee\" on type \"Dog\".", "Cannot query field \"meows\" on type \"Pet\"."],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Descriptions_are_not_validated()
    {
        // A description is a string in a position no rule should look at.
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse("\"a description\" query Q(\"var\" $a: Int) { complicatedArgs { intArgField(intArg: $a) } }"));
        Assert.Empty(errors);
    }

    [Fact]
    public void Only_the_given_rules_run()
    {
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse("query Q($unused: Int) { dog { unknown } }"), [c => new NoUnusedVariablesRule(c)]);
        Assert.Equal(["Variable \"$unused\" is never used in operation \"Q\"."], errors.Select(e => e.Message));
    }

    [Fact]
    public void Specified_rules_are_graphql_js_rules_in_its_order()
    {
        var context = (ValidationContext)typeof(ValidationContext)
            .GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)[0]
            .Invoke([Harness.Schema, Parser.Parse("{ dog { name } }"), new TypeInfo(Harness.Schema), new Action<Errors.GraphQLError>(_ => { }), false]);
        var names = SpecifiedRules.All.Select(rule => rule(context).GetType().Name).ToList();
        Assert.Equal(
            [
                "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule", "SingleFieldSubscriptionsRule",
                "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule", "VariablesAreInputTypesRule", "ScalarLeafsRule",
                "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule", "KnownFragmentNamesRule", "NoUnusedFragmentsRule",
                "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule", "UniqueVariableNamesRule", "NoUndefinedVariablesRule",
                "NoUnusedVariablesRule", "KnownDirectivesRule", "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule",
                "UniqueArgumentNamesRule", "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule", "VariablesInAllowedPositionRule",
                "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule", "MaxIntrospectionDepthRule",
            ],
            names);
    }

    [Fact]
    public void A_flood_of_fragment_pairs_is_cut_short_by_the_work_budget()
    {
        // 300 fragments each spreading all later ones: comparing every pair for merging would take
        // millions of steps; graphql-js 16.15 stops it with this single error, and so do we.
        const int count = 300;
        var fragments = Enumerable.Range(0, count).Select(i =>
            $"fragment F{i} on Dog {{ x: name " + string.Concat(Enumerable.Range(i + 1, Math.Min(20, count - i - 1)).Select(j => $"...F{j} ")) + "}");
        string document = "{ dog { " + string.Concat(Enumerable.Range(0, count).Select(i => $"...F{i} ")) + "} }\n" + string.Join("\n", fragments);
        var errors = DocumentValidator.Validate(Harness.Schema, Parser.Parse(document, new ParserOptions { MaxTokens = 100_000 }));
        Assert.Equal(["Validation aborted."], errors.Select(e => e.Message));
    }
}
