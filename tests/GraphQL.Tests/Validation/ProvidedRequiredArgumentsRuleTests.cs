using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class ProvidedRequiredArgumentsRuleTests
{
    private static readonly ValidationRule Rule = context => new ProvidedRequiredArgumentsRule(context);

    [Fact]
    public void Required_arguments_given_in_any_order_are_fine() =>
        AssertValid(Rule, """{ complicatedArgs { multipleReqs(req2: 2, req1: 1) multipleOpts nonNullFieldWithDefault } }""");

    [Fact]
    public void Each_missing_required_argument_is_reported_at_the_field() =>
        AssertErrors(Rule, """{ complicatedArgs { multipleReqs } }""",
            Error("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", "1:21"),
            Error("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided.", "1:21"));

    [Fact]
    public void A_missing_directive_argument_is_reported_at_the_directive() =>
        AssertErrors(Rule, """{ dog { name @include } }""",
            Error("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", "1:14"));

    [Fact]
    public void Custom_directives_need_their_required_arguments() =>
        AssertErrors(Rule, """query Q @withRequiredArg(label: "x") { dog { name } }""",
            Error("Directive \"@withRequiredArg\" argument \"size\" of type \"Int!\" is required, but it was not provided.", "1:9"));

    [Fact]
    public void Unknown_fields_are_left_alone() =>
        AssertValid(Rule, """{ dog { unknown } }""");
}
