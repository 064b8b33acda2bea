using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class NoUnusedVariablesRuleTests
{
    private static readonly ValidationRule Rule = context => new NoUnusedVariablesRule(context);

    [Fact]
    public void Variables_used_directly_or_in_fragments_are_fine() =>
        AssertValid(Rule, """query Q($x: Int, $y: Int) { dog { isAtLocation(x: $x) ...F } } fragment F on Dog { isAtLocation(y: $y) }""");

    [Fact]
    public void An_unused_variable_is_reported() =>
        AssertErrors(Rule, """query Q($a: Int, $b: Int) { complicatedArgs { intArgField(intArg: $b) } }""",
            Error("Variable \"$a\" is never used in operation \"Q\".", "1:9"));

    [Fact]
    public void An_anonymous_operation_is_not_named() =>
        AssertErrors(Rule, """query ($a: Boolean) { dog { name } }""",
            Error("Variable \"$a\" is never used.", "1:8"));

    [Fact]
    public void Variables_used_only_by_another_operation_are_unused() =>
        AssertErrors(Rule, """query A($x: Int) { dog { ...F } } query B($x: Int, $z: Int) { dog { ...F } } fragment F on Dog { isAtLocation(x: $x) }""",
            Error("Variable \"$z\" is never used in operation \"B\".", "1:52"));
}
