using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class KnownDirectivesRuleTests
{
    private static readonly ValidationRule Rule = context => new KnownDirectivesRule(context);

    [Fact]
    public void Known_directives_in_their_locations_are_fine() =>
        AssertValid(Rule, """query Q($v: Int @onVariableDefinition) @onQuery { dog { name @include(if: true) ...F @onFragmentSpread ... @onInlineFragment { barks } } } fragment F on Dog @onFragmentDefinition { name }""");

    [Fact]
    public void Unknown_directives_are_reported() =>
        AssertErrors(Rule, """{ dog { name @unknown barks @another(x: 1) } }""",
            Error("Unknown directive \"@unknown\".", "1:14"),
            Error("Unknown directive \"@another\".", "1:29"));

    [Fact]
    public void Misplaced_directives_name_the_location() =>
        AssertErrors(Rule, """query Q @onMutation { dog { name @onQuery } }""",
            Error("Directive \"@onMutation\" may not be used on QUERY.", "1:9"),
            Error("Directive \"@onQuery\" may not be used on FIELD.", "1:34"));

    [Fact]
    public void Schema_directives_are_not_allowed_in_operations() =>
        AssertErrors(Rule, """{ dog { name @deprecated } }""",
            Error("Directive \"@deprecated\" may not be used on FIELD.", "1:14"));

    [Fact]
    public void Fragment_locations_are_told_apart() =>
        AssertErrors(Rule, """{ dog { ...F @onInlineFragment } } fragment F on Dog @onField { name }""",
            Error("Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD.", "1:14"),
            Error("Directive \"@onField\" may not be used on FRAGMENT_DEFINITION.", "1:54"));
}
