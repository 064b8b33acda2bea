using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class PossibleFragmentSpreadsRuleTests
{
    private static readonly ValidationRule Rule = context => new PossibleFragmentSpreadsRule(context);

    [Fact]
    public void Spreads_on_the_same_type_an_implemented_interface_or_a_member_are_fine() =>
        AssertValid(Rule, """{ dog { ...D ...P } pet { ... on Dog { barks } } catOrDog { ... on Cat { meows } } } fragment D on Dog { name } fragment P on Pet { name }""");

    [Fact]
    public void An_object_spread_into_another_object_is_reported() =>
        AssertErrors(Rule, """{ dog { ...C } } fragment C on Cat { meows }""",
            Error("Fragment \"C\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", "1:9"));

    [Fact]
    public void An_inline_fragment_on_an_unrelated_object_is_reported() =>
        AssertErrors(Rule, """{ dog { ... on Cat { meows } } }""",
            Error("Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", "1:9"));

    [Fact]
    public void An_interface_no_union_member_implements_is_reported() =>
        AssertErrors(Rule, """{ human { ... on Pet { name } } }""",
            Error("Fragment cannot be spread here as objects of type \"Human\" can never be of type \"Pet\".", "1:11"));

    [Fact]
    public void A_union_and_an_object_outside_it_are_reported() =>
        AssertErrors(Rule, """{ catOrDog { ... on Human { name } } }""",
            Error("Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Human\".", "1:14"));

    [Fact]
    public void An_interface_implemented_through_an_interface_overlaps() =>
        AssertValid(Rule, """{ dog { ... on Mammal { mother { __typename } } } }""");
}
