using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class UniqueArgumentNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new UniqueArgumentNamesRule(context);

    [Fact]
    public void Distinct_arguments_are_fine() =>
        AssertValid(Rule, """{ dog { isAtLocation(x: 1, y: 2) name @include(if: true) } }""");

    [Fact]
    public void A_repeated_field_argument_is_reported_at_every_occurrence() =>
        AssertErrors(Rule, """{ dog { isAtLocation(x: 1, x: 2, x: 3) } }""",
            Error("There can be only one argument named \"x\".", "1:22", "1:28", "1:34"));

    [Fact]
    public void A_repeated_directive_argument_is_reported() =>
        AssertErrors(Rule, """{ dog { name @include(if: true, if: false) } }""",
            Error("There can be only one argument named \"if\".", "1:23", "1:33"));
}
