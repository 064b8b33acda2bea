using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class VariablesInAllowedPositionRuleTests
{
    private static readonly ValidationRule Rule = context => new VariablesInAllowedPositionRule(context);

    [Fact]
    public void Variables_of_the_same_type_are_fine() =>
        AssertValid(Rule, """query Q($b: Boolean) { complicatedArgs { booleanArgField(booleanArg: $b) } }""");

    [Fact]
    public void A_non_null_variable_fits_a_nullable_position() =>
        AssertValid(Rule, """query Q($b: Boolean!) { complicatedArgs { booleanArgField(booleanArg: $b) } }""");

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_reported() =>
        AssertErrors(Rule, """query Q($i: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }""",
            Error("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", "1:9", "1:72"));

    [Fact]
    public void A_variable_default_makes_a_nullable_variable_fit() =>
        AssertValid(Rule, """query Q($i: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }""");

    [Fact]
    public void An_argument_default_makes_a_nullable_variable_fit() =>
        AssertValid(Rule, """query Q($i: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $i) } }""");

    [Fact]
    public void A_string_variable_in_an_int_position_is_reported() =>
        AssertErrors(Rule, """query Q($s: String) { complicatedArgs { intArgField(intArg: $s) } }""",
            Error("Variable \"$s\" of type \"String\" used in position expecting type \"Int\".", "1:9", "1:61"));

    [Fact]
    public void A_nullable_variable_for_a_oneOf_field_is_reported() =>
        AssertErrors(Rule, """query Q($s: String) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }""",
            Error("Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", "1:9", "1:80"));

    [Fact]
    public void Usages_inside_fragments_are_checked_per_operation() =>
        AssertErrors(Rule, """query Q($s: [String]) { dog { ...F } } fragment F on QueryRoot { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $s) } }""",
            Error("Variable \"$s\" of type \"[String]\" used in position expecting type \"[String!]\".", "1:9", "1:132"));
}
