using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class KnownFragmentNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new KnownFragmentNamesRule(context);

    [Fact]
    public void Spreads_of_defined_fragments_are_fine() =>
        AssertValid(Rule, """{ dog { ...A } } fragment A on Dog { name ...B } fragment B on Dog { barks }""");

    [Fact]
    public void Unknown_fragments_are_reported_at_their_name() =>
        AssertErrors(Rule, """{ dog { ...A ...Missing } } fragment A on Dog { name ...Other }""",
            Error("Unknown fragment \"Missing\".", "1:17"),
            Error("Unknown fragment \"Other\".", "1:57"));
}
