using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Validation;

namespace GraphReports.GraphQL.Tests.Validation;

public class TypeInfoTests
{
    private sealed class Probe(TypeInfo typeInfo, Func<Node, string?> describe) : IAstVisitor
    {
        public List<string> Seen { get; } = [];

        public VisitorAction Enter(Node node, Visitor path)
        {
            typeInfo.Enter(node);
            if (describe(node) is { } text)
            {
                Seen.Add(text);
            }
            return VisitorAction.Continue;
        }

        public VisitorAction Leave(Node node, Visitor path)
        {
            typeInfo.Leave(node);
            return VisitorAction.Continue;
        }
    }

    [Fact]
    public void Fields_know_their_parent_type_definition_and_output_type()
    {
        var typeInfo = new TypeInfo(Harness.Schema);
        var probe = new Probe(typeInfo, node => node is FieldNode field
            ? $"{field.Name.Value}: parent {typeInfo.ParentType}, type {typeInfo.Type}, def {typeInfo.FieldDef?.Name ?? "none"}"
            : null);
        Visitor.Visit(Parser.Parse("{ human { relatives { __typename } pets { ... on Dog { barks } } unknown } }"), probe);
        Assert.Equal(
            [
                "human: parent QueryRoot, type Human, def human",
                "relatives: parent Human, type [Human]!, def relatives",
                "__typename: parent Human, type String!, def __typename",
                "pets: parent Human, type [Pet], def pets",
                "barks: parent Dog, type Boolean, def barks",
                "unknown: parent Human, type , def none",
            ],
            probe.Seen);
    }

    [Fact]
    public void Values_know_their_input_type_and_parent_input_type()
    {
        var typeInfo = new TypeInfo(Harness.Schema);
        var probe = new Probe(typeInfo, node => node is ValueNode and not VariableNode
            ? $"{Printer.Print(node)}: {typeInfo.InputType?.ToString() ?? "?"} in {typeInfo.ParentInputType?.ToString() ?? "-"}"
            : null);
        Visitor.Visit(Parser.Parse("{ complicatedArgs { complexArgField(complexArg: { stringListField: [\"a\"], nope: 1 }) } }"), probe);
        Assert.Equal(
            [
                "{stringListField: [\"a\"], nope: 1}: ComplexInput in -",
                "[\"a\"]: String in [String]",
                "\"a\": String in [String]",
                "1: ? in ComplexInput",
            ],
            probe.Seen);
    }

    [Fact]
    public void Arguments_know_their_definition_and_default()
    {
        var typeInfo = new TypeInfo(Harness.Schema);
        var probe = new Probe(typeInfo, node => node is ArgumentNode argument
            ? $"{argument.Name.Value}: {typeInfo.Argument?.Type.ToString() ?? "?"} default {(typeInfo.DefaultValueOwner is null ? "no" : "yes")} directive {typeInfo.Directive?.Name ?? "-"}"
            : null);
        Visitor.Visit(Parser.Parse("{ dog { isHouseTrained(atOtherHomes: true) @include(if: true) doesKnowCommand(dogCommand: SIT) } }"), probe);
        Assert.Equal(
            ["atOtherHomes: Boolean default yes directive -", "if: Boolean! default no directive include", "dogCommand: DogCommand default no directive -"],
            probe.Seen);
    }
}
