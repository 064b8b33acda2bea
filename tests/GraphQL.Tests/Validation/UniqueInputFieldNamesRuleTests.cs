using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class UniqueInputFieldNamesRuleTests
{
    private static readonly ValidationRule Rule = context => new UniqueInputFieldNamesRule(context);

    [Fact]
    public void Distinct_input_fields_are_fine() =>
        AssertValid(Rule, """{ complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 1 }) } }""");

    [Fact]
    public void A_repeated_input_field_is_reported_against_the_first() =>
        AssertErrors(Rule, """{ complicatedArgs { complexArgField(complexArg: { requiredField: true, intField: 1, intField: 2 }) } }""",
            Error("There can be only one input field named \"intField\".", "1:72", "1:85"));

    [Fact]
    public void Nested_objects_have_their_own_names() =>
        AssertValid(Rule, """{ complicatedArgs { unknown(obj: { a: 1, b: { a: 1 } }) } }""");
}
