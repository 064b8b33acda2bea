using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class FragmentsOnCompositeTypesRuleTests
{
    private static readonly ValidationRule Rule = context => new FragmentsOnCompositeTypesRule(context);

    [Fact]
    public void Objects_interfaces_unions_and_no_condition_are_fine() =>
        AssertValid(Rule, """{ dog { ... on Pet { name } ... { name } } catOrDog { ...F } } fragment F on CatOrDog { __typename }""");

    [Fact]
    public void A_fragment_on_a_scalar_is_reported() =>
        AssertErrors(Rule, """{ dog { ...F } } fragment F on Boolean { barks }""",
            Error("Fragment \"F\" cannot condition on non composite type \"Boolean\".", "1:32"));

    [Fact]
    public void A_fragment_on_an_input_object_is_reported() =>
        AssertErrors(Rule, """{ dog { ...F } } fragment F on ComplexInput { name }""",
            Error("Fragment \"F\" cannot condition on non composite type \"ComplexInput\".", "1:32"));

    [Fact]
    public void An_inline_fragment_on_an_enum_is_reported() =>
        AssertErrors(Rule, """{ dog { ... on FurColor { name } } }""",
            Error("Fragment cannot condition on non composite type \"FurColor\".", "1:16"));

    [Fact]
    public void Unknown_types_are_left_to_KnownTypeNames() =>
        AssertValid(Rule, """{ dog { ... on Unknown { name } } }""");
}
