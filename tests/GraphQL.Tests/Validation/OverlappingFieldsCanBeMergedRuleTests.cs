using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly ValidationRule Rule = context => new OverlappingFieldsCanBeMergedRule(context);

    [Fact]
    public void Identical_fields_merge() =>
        AssertValid(Rule, """{ dog { name name fido: name fido: name } }""");

    [Fact]
    public void Different_fields_under_one_alias_conflict() =>
        AssertErrors(Rule, """{ dog { fido: name fido: nickname } }""",
            Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9", "1:20"));

    [Fact]
    public void Different_arguments_conflict() =>
        AssertErrors(Rule, """{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }""",
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:9", "1:42"));

    [Fact]
    public void Arguments_in_another_order_merge() =>
        AssertValid(Rule, """{ dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) } }""");

    [Fact]
    public void Different_fields_on_different_object_types_merge() =>
        AssertValid(Rule, """{ pet { ... on Dog { name } ... on Cat { name } } catOrDog { ... on Dog { v: name } ... on Cat { v: nickname } } }""");

    [Fact]
    public void Conflicting_leaf_types_conflict_even_on_different_objects() =>
        AssertErrors(Rule, """{ catOrDog { ... on Dog { someValue: barkVolume } ... on Cat { someValue: meows } } }""",
            Error("Fields \"someValue\" conflict because they return conflicting types \"Int\" and \"Boolean\". Use different aliases on the fields to fetch both if this was intentional.", "1:27", "1:64"));

    [Fact]
    public void Conflicts_between_fragments_are_found() =>
        AssertErrors(Rule, """{ dog { ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: barks }""",
            Error("Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:43", "1:73"));

    [Fact]
    public void Conflicting_subfields_are_reported_with_their_paths() =>
        AssertErrors(Rule, """{ dog { mother { x: name y: barks } mother { x: nickname y: barkVolume } } }""",
            Error("Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields and subfields \"y\" conflict because \"barks\" and \"barkVolume\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9", "1:18", "1:26", "1:37", "1:46", "1:58"));

    [Fact]
    public void Unknown_fields_under_one_alias_conflict_by_name() =>
        AssertErrors(Rule, """{ dog { x: unknownA x: unknownB } }""",
            Error("Fields \"x\" conflict because \"unknownA\" and \"unknownB\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9", "1:21"));
}
