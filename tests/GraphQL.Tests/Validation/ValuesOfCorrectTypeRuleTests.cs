using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class ValuesOfCorrectTypeRuleTests
{
    private static readonly ValidationRule Rule = context => new ValuesOfCorrectTypeRule(context);

    [Fact]
    public void Literals_of_the_right_types_are_fine() =>
        AssertValid(Rule, """{ complicatedArgs { intArgField(intArg: 2) floatArgField(floatArg: 1) stringArgField(stringArg: "s") idArgField(idArg: 4) enumArgField(enumArg: BROWN) stringListArgField(stringListArg: "coerced to a list") } }""");

    [Fact]
    public void A_string_for_an_int_is_reported_by_the_scalar() =>
        AssertErrors(Rule, """{ complicatedArgs { intArgField(intArg: "3") } }""",
            Error("Int cannot represent non-integer value: \"3\"", "1:41"));

    [Fact]
    public void Ints_outside_32_bits_are_refused() =>
        AssertErrors(Rule, """{ complicatedArgs { intArgField(intArg: 2147483648) } }""",
            Error("Int cannot represent non 32-bit signed integer value: 2147483648", "1:41"));

    [Fact]
    public void A_string_for_an_enum_suggests_the_value() =>
        AssertErrors(Rule, """{ complicatedArgs { enumArgField(enumArg: "BROWN") } }""",
            Error("Enum \"FurColor\" cannot represent non-enum value: \"BROWN\". Did you mean the enum value \"BROWN\"?", "1:43"));

    [Fact]
    public void An_unknown_enum_value_is_reported() =>
        AssertErrors(Rule, """{ complicatedArgs { enumArgField(enumArg: PURPLE) } }""",
            Error("Value \"PURPLE\" does not exist in \"FurColor\" enum.", "1:43"));

    [Fact]
    public void Null_for_a_non_null_argument_is_reported() =>
        AssertErrors(Rule, """{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }""",
            Error("Expected value of type \"Int!\", found null.", "1:55"));

    [Fact]
    public void A_missing_required_input_field_is_reported() =>
        AssertErrors(Rule, """{ complicatedArgs { complexArgField(complexArg: { intField: 4 }) } }""",
            Error("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", "1:49"));

    [Fact]
    public void An_unknown_input_field_gets_a_suggestion() =>
        AssertErrors(Rule, """{ complicatedArgs { complexArgField(complexArg: { requiredField: true, intfield: 3 }) } }""",
            Error("Field \"intfield\" is not defined by type \"ComplexInput\". Did you mean \"intField\" or \"stringField\"?", "1:72"));

    [Fact]
    public void A_scalar_for_an_input_object_is_reported() =>
        AssertErrors(Rule, """{ complicatedArgs { complexArgField(complexArg: "not an object") } }""",
            Error("Expected value of type \"ComplexInput\", found \"not an object\".", "1:49"));

    [Fact]
    public void A_oneOf_input_needs_exactly_one_field() =>
        AssertErrors(Rule, """{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 }) } }""",
            Error("OneOf Input Object \"OneOfInput\" must specify exactly one key.", "1:45"));

    [Fact]
    public void A_oneOf_field_must_not_be_null() =>
        AssertErrors(Rule, """{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: null }) } }""",
            Error("Field \"OneOfInput.stringField\" must be non-null.", "1:45"));

    [Fact]
    public void Variable_defaults_are_checked_too() =>
        AssertErrors(Rule, """query Q($a: Int = "one") { complicatedArgs { intArgField(intArg: $a) } }""",
            Error("Int cannot represent non-integer value: \"one\"", "1:19"));

    [Fact]
    public void Every_bad_list_item_is_reported() =>
        AssertErrors(Rule, """{ complicatedArgs { stringListArgField(stringListArg: ["one", 2, true]) } }""",
            Error("String cannot represent a non string value: 2", "1:63"),
            Error("String cannot represent a non string value: true", "1:66"));

    [Fact]
    public void A_custom_scalar_that_throws_is_reported_with_its_message()
    {
        var schema = new GraphReports.GraphQL.Types.SchemaBuilder()
            .Query("Query", q => q.Field("f", "String", f => f.Argument("x", "Odd")))
            .Scalar("Odd", s => s.ParseLiteral((literal, _) => literal is GraphReports.GraphQL.Language.IntValueNode { Value: var v } && int.Parse(v) % 2 == 1
                ? int.Parse(v)
                : throw new InvalidOperationException("not an odd number")))
            .Build();
        var errors = Validate(Rule, "{ f(x: 2) g: f(x: 3) }", schema);
        Assert.Equal(["Expected value of type \"Odd\", found 2; not an odd number @ 1:8"], Describe(errors));
    }
}
