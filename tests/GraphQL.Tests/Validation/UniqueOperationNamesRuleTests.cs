using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class UniqueOperationNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new UniqueOperationNamesRule(context);

    [Fact]
    public void Differently_named_operations_are_fine() =>
        AssertValid(Rule, """query A { dog { name } } query B { dog { name } } { cat { name } }""");

    [Fact]
    public void Two_operations_with_one_name_are_reported_at_both_names() =>
        AssertErrors(Rule, """query Foo { dog { name } } query Foo { cat { name } }""",
            Error("There can be only one operation named \"Foo\".", "1:7", "1:34"));

    [Fact]
    public void The_name_clashes_across_operation_types() =>
        AssertErrors(Rule, """query Foo { dog { name } } mutation Foo { createDog(name: "x") { name } }""",
            Error("There can be only one operation named \"Foo\".", "1:7", "1:37"));

    [Fact]
    public void A_fragment_may_share_an_operation_name() =>
        AssertValid(Rule, """query Foo { dog { ...Foo } } fragment Foo on Dog { name }""");

    [Fact]
    public void Each_repetition_is_reported_against_the_first() =>
        AssertErrors(Rule, """query A { dog { name } } query A { dog { name } } query A { dog { name } }""",
            Error("There can be only one operation named \"A\".", "1:7", "1:32"),
            Error("There can be only one operation named \"A\".", "1:7", "1:57"));
}
