using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class NoUnusedFragmentsRuleTests
{
    private static readonly ValidationRule Rule = context => new NoUnusedFragmentsRule(context);

    [Fact]
    public void Fragments_used_directly_or_indirectly_are_fine() =>
        AssertValid(Rule, """{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }""");

    [Fact]
    public void An_unused_fragment_is_reported_whole() =>
        AssertErrors(Rule, """{ dog { ...A } } fragment A on Dog { name } fragment Unused on Dog { barks }""",
            Error("Fragment \"Unused\" is never used.", "1:45"));

    [Fact]
    public void Fragments_used_only_by_unused_fragments_are_unused() =>
        AssertErrors(Rule, """{ dog { name } } fragment A on Dog { ...B } fragment B on Dog { name }""",
            Error("Fragment \"A\" is never used.", "1:18"),
            Error("Fragment \"B\" is never used.", "1:45"));

    [Fact]
    public void Fragments_used_by_any_of_several_operations_are_used() =>
        AssertValid(Rule, """query A { dog { ...F } } query B { cat { ...G } } fragment F on Dog { name } fragment G on Cat { name }""");
}
