using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class LoneAnonymousOperationRuleTests
{
    private static readonly ValidationRule Rule = context => new LoneAnonymousOperationRule(context);

    [Fact]
    public void One_anonymous_operation_alone_is_fine() =>
        AssertValid(Rule, """{ dog { name } } fragment F on Dog { name }""");

    [Fact]
    public void Two_anonymous_operations_are_both_reported() =>
        AssertErrors(Rule, """{ dog { name } } { cat { name } }""",
            Error("This anonymous operation must be the only defined operation.", "1:1"),
            Error("This anonymous operation must be the only defined operation.", "1:18"));

    [Fact]
    public void An_anonymous_operation_beside_a_named_one_is_reported() =>
        AssertErrors(Rule, """{ dog { name } } query Q { cat { name } }""",
            Error("This anonymous operation must be the only defined operation.", "1:1"));

    [Fact]
    public void An_anonymous_mutation_counts_too() =>
        AssertErrors(Rule, """query Q { dog { name } } mutation { createDog(name: "x") { name } }""",
            Error("This anonymous operation must be the only defined operation.", "1:26"));
}
