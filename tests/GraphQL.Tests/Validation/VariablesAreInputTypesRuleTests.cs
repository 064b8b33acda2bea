using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class VariablesAreInputTypesRuleTests
{
    private static readonly ValidationRule Rule = context => new VariablesAreInputTypesRule(context);

    [Fact]
    public void Scalars_enums_and_input_objects_are_input_types() =>
        AssertValid(Rule, """query Q($a: String, $b: [FurColor!]!, $c: ComplexInput) { dog { name } }""");

    [Fact]
    public void Output_types_are_reported() =>
        AssertErrors(Rule, """query Q($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }""",
            Error("Variable \"$a\" cannot be non-input type \"Dog\".", "1:13"),
            Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", "1:22"),
            Error("Variable \"$c\" cannot be non-input type \"Pet\".", "1:42"));

    [Fact]
    public void Unknown_types_are_left_to_KnownTypeNames() =>
        AssertValid(Rule, """query Q($a: Unknown) { dog { name } }""");
}
