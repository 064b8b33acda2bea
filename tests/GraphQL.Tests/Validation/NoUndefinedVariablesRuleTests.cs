using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class NoUndefinedVariablesRuleTests
{
    private static readonly ValidationRule Rule = context => new NoUndefinedVariablesRule(context);

    [Fact]
    public void Defined_variables_are_fine() =>
        AssertValid(Rule, """query Q($a: Int) { complicatedArgs { intArgField(intArg: $a) } }""");

    [Fact]
    public void An_undefined_variable_is_reported_with_its_operation() =>
        AssertErrors(Rule, """query Q { complicatedArgs { intArgField(intArg: $a) } }""",
            Error("Variable \"$a\" is not defined by operation \"Q\".", "1:49", "1:1"));

    [Fact]
    public void An_anonymous_operation_is_not_named() =>
        AssertErrors(Rule, """{ complicatedArgs { intArgField(intArg: $a) } }""",
            Error("Variable \"$a\" is not defined.", "1:41", "1:1"));

    [Fact]
    public void Variables_used_in_fragments_must_be_defined_by_each_operation() =>
        AssertErrors(Rule, """query A($x: Int) { dog { ...F } } query B { dog { ...F } } fragment F on Dog { isAtLocation(x: $x) }""",
            Error("Variable \"$x\" is not defined by operation \"B\".", "1:96", "1:35"));
}
