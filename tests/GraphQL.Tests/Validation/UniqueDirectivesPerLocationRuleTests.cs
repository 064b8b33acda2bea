using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class UniqueDirectivesPerLocationRuleTests
{
    private static readonly ValidationRule Rule = context => new UniqueDirectivesPerLocationRule(context);

    [Fact]
    public void Different_directives_and_repeatable_ones_are_fine() =>
        AssertValid(Rule, """{ dog { name @onField @repeatableOnField @repeatableOnField } }""");

    [Fact]
    public void A_repeated_directive_is_reported_against_the_first() =>
        AssertErrors(Rule, """{ dog { name @onField @onField @onField } }""",
            Error("The directive \"@onField\" can only be used once at this location.", "1:14", "1:23"),
            Error("The directive \"@onField\" can only be used once at this location.", "1:14", "1:32"));

    [Fact]
    public void Built_in_directives_are_not_repeatable() =>
        AssertErrors(Rule, """{ dog { name @skip(if: true) @skip(if: false) } }""",
            Error("The directive \"@skip\" can only be used once at this location.", "1:14", "1:30"));

    [Fact]
    public void The_same_directive_on_different_fields_is_fine() =>
        AssertValid(Rule, """{ dog { name @onField barks @onField } }""");
}
