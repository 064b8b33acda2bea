using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class UniqueFragmentNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new UniqueFragmentNamesRule(context);

    [Fact]
    public void Distinct_fragment_names_are_fine() =>
        AssertValid(Rule, """{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }""");

    [Fact]
    public void A_repeated_fragment_name_is_reported_at_both_names() =>
        AssertErrors(Rule, """{ dog { ...A } } fragment A on Dog { name } fragment A on Dog { barks }""",
            Error("There can be only one fragment named \"A\".", "1:27", "1:54"));

    [Fact]
    public void Inline_fragments_have_no_names_to_clash() =>
        AssertValid(Rule, """{ dog { ... on Dog { name } ... on Dog { barks } } }""");
}
