using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class UniqueVariableNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new UniqueVariableNamesRule(context);

    [Fact]
    public void Distinct_variables_are_fine() =>
        AssertValid(Rule, """query Q($a: Int, $b: Int) { dog { name } }""");

    [Fact]
    public void A_repeated_variable_is_reported_at_every_definition() =>
        AssertErrors(Rule, """query Q($a: Int, $a: String, $a: Boolean) { dog { name } }""",
            Error("There can be only one variable named \"$a\".", "1:10", "1:19", "1:31"));

    [Fact]
    public void Operations_do_not_share_variables() =>
        AssertValid(Rule, """query A($x: Int) { dog { name } } query B($x: Int) { dog { name } }""");
}
