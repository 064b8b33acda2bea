using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class NoFragmentCyclesRuleTests
{
    private static readonly ValidationRule Rule = context => new NoFragmentCyclesRule(context);

    [Fact]
    public void A_chain_without_cycle_is_fine() =>
        AssertValid(Rule, """{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }""");

    [Fact]
    public void A_fragment_spreading_itself_is_reported() =>
        AssertErrors(Rule, """{ dog { ...A } } fragment A on Dog { ...A }""",
            Error("Cannot spread fragment \"A\" within itself.", "1:38"));

    [Fact]
    public void A_cycle_through_two_fragments_names_the_path() =>
        AssertErrors(Rule, """{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { ...A }""",
            Error("Cannot spread fragment \"A\" within itself via \"B\".", "1:38", "1:65"));

    [Fact]
    public void A_cycle_deep_in_a_selection_is_found() =>
        AssertErrors(Rule, """{ dog { ...A } } fragment A on Dog { mother { ... on Dog { ...A } } }""",
            Error("Cannot spread fragment \"A\" within itself.", "1:60"));

    [Fact]
    public void Each_cycle_is_reported_once() =>
        AssertErrors(Rule, """{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { ...C } fragment C on Dog { ...A }""",
            Error("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", "1:38", "1:65", "1:92"));
}
