using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class KnownArgumentNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new KnownArgumentNamesRule(context);

    [Fact]
    public void Known_field_and_directive_arguments_are_fine() =>
        AssertValid(Rule, """{ dog { doesKnowCommand(dogCommand: SIT) name @include(if: true) } }""");

    [Fact]
    public void An_unknown_field_argument_gets_a_suggestion() =>
        AssertErrors(Rule, """{ dog { doesKnowCommand(dogcommand: SIT) } }""",
            Error("Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", "1:25"));

    [Fact]
    public void An_unknown_directive_argument_is_reported() =>
        AssertErrors(Rule, """{ dog { name @skip(unless: false, if: true) } }""",
            Error("Unknown argument \"unless\" on directive \"@skip\".", "1:20"));

    [Fact]
    public void Arguments_of_fields_without_arguments_are_reported() =>
        AssertErrors(Rule, """{ dog { barks(loud: true) } }""",
            Error("Unknown argument \"loud\" on field \"Dog.barks\".", "1:15"));

    [Fact]
    public void Arguments_of_unknown_fields_and_directives_are_left_alone() =>
        AssertValid(Rule, """{ dog { unknown(a: 1) name @unknown(b: 2) } }""");
}
