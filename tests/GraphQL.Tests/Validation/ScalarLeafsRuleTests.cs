using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class ScalarLeafsRuleTests
{
    private static readonly ValidationRule Rule = context => new ScalarLeafsRule(context);

    [Fact]
    public void Leaves_without_and_objects_with_selections_are_fine() =>
        AssertValid(Rule, """{ dog { name mother { barks } } }""");

    [Fact]
    public void An_object_field_without_selection_is_reported() =>
        AssertErrors(Rule, """{ dog }""",
            Error("Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"?", "1:3"));

    [Fact]
    public void A_list_of_interfaces_without_selection_is_reported_with_its_full_type() =>
        AssertErrors(Rule, """{ human { pets } }""",
            Error("Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", "1:11"));

    [Fact]
    public void A_selection_on_a_scalar_is_reported_at_the_selection_set() =>
        AssertErrors(Rule, """{ dog { barks { sinceWhen } } }""",
            Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", "1:15"));

    [Fact]
    public void A_selection_on_an_enum_is_reported() =>
        AssertErrors(Rule, """{ cat { furColor { name } } }""",
            Error("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", "1:18"));

    [Fact]
    public void A_non_null_list_type_is_printed_whole() =>
        AssertErrors(Rule, """{ human { relatives } }""",
            Error("Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"?", "1:11"));
}
