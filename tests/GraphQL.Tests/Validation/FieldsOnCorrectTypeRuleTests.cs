using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class FieldsOnCorrectTypeRuleTests
{
    private static readonly ValidationRule Rule = context => new FieldsOnCorrectTypeRule(context);

    [Fact]
    public void Defined_fields_and_typename_are_fine() =>
        AssertValid(Rule, """{ dog { name __typename } catOrDog { __typename } pet { name } }""");

    [Fact]
    public void A_misspelt_field_gets_a_suggestion() =>
        AssertErrors(Rule, """{ dog { barkVolumee } }""",
            Error("Cannot query field \"barkVolumee\" on type \"Dog\". Did you mean \"barkVolume\"?", "1:9"));

    [Fact]
    public void An_unknown_field_without_close_names_gets_no_suggestion() =>
        AssertErrors(Rule, """{ dog { tailLength } }""",
            Error("Cannot query field \"tailLength\" on type \"Dog\".", "1:9"));

    [Fact]
    public void A_field_of_some_implementations_suggests_an_inline_fragment() =>
        AssertErrors(Rule, """{ pet { meows } }""",
            Error("Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"?", "1:9"));

    [Fact]
    public void Fields_on_a_union_suggest_the_types_and_interfaces_defining_them() =>
        AssertErrors(Rule, """{ catOrDog { name } }""",
            Error("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", "1:14"));

    [Fact]
    public void Meta_fields_exist_only_where_the_specification_puts_them() =>
        AssertErrors(Rule, """{ dog { __schema { queryType { name } } } }""",
            Error("Cannot query field \"__schema\" on type \"Dog\".", "1:9"));
}
