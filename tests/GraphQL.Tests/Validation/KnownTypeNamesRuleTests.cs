using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class KnownTypeNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new KnownTypeNamesRule(context);

    [Fact]
    public void Known_types_in_variables_and_fragments_are_fine() =>
        AssertValid(Rule, """query Q($a: Int, $b: [FurColor!]) { dog { ... on Pet { name } } }""");

    [Fact]
    public void Unknown_variable_types_are_reported_with_suggestions() =>
        AssertErrors(Rule, """query Q($a: JumbledUpLetters, $b: [Strin!]) { dog { name } }""",
            Error("Unknown type \"JumbledUpLetters\".", "1:13"),
            Error("Unknown type \"Strin\". Did you mean \"String\"?", "1:36"));

    [Fact]
    public void Unknown_fragment_conditions_are_reported() =>
        AssertErrors(Rule, """{ dog { ... on Doge { name } ...F } } fragment F on Catt { name }""",
            Error("Unknown type \"Doge\". Did you mean \"Dog\"?", "1:16"),
            Error("Unknown type \"Catt\". Did you mean \"Cat\"?", "1:53"));

    [Fact]
    public void Type_definitions_may_use_built_in_scalars_but_not_unknown_types() =>
        AssertErrors(Rule, """{ dog { name } } type T { a: String b: Strin }""",
            Error("Unknown type \"Strin\". Did you mean \"String\"?", "1:40"));
}
