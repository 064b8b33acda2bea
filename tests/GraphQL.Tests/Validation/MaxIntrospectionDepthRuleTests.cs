using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class MaxIntrospectionDepthRuleTests
{
    private static readonly ValidationRule Rule = context => new MaxIntrospectionDepthRule(context);

    [Fact]
    public void Two_nested_introspection_lists_are_fine() =>
        AssertValid(Rule, """{ __schema { types { fields { type { name } } } } }""");

    [Fact]
    public void Three_nested_introspection_lists_are_refused() =>
        AssertErrors(Rule, """{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }""",
            Error("Maximum introspection depth exceeded", "1:3"));

    [Fact]
    public void Nesting_through_fragments_counts() =>
        AssertErrors(Rule, """{ __type(name: "Dog") { ...T } } fragment T on __Type { interfaces { possibleTypes { inputFields { name } } } }""",
            Error("Maximum introspection depth exceeded", "1:3"));

    [Fact]
    public void ofType_chains_do_not_count() =>
        AssertValid(Rule, """{ __schema { types { ofType { ofType { ofType { ofType { name } } } } } } }""");

    [Fact]
    public void A_recursive_fragment_does_not_loop() =>
        AssertValid(Rule, """{ __schema { types { ...A } } } fragment A on __Type { name ...A }""");
}
