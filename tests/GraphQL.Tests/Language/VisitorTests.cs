using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Tests.Language;

public class VisitorTests
{
    private sealed class Recorder(Func<Node, VisitorAction>? onEnter = null) : IAstVisitor
    {
        public List<string> Events { get; } = [];

        public VisitorAction Enter(Node node, Visitor path)
        {
            Events.Add("enter " + Describe(node));
            return onEnter?.Invoke(node) ?? VisitorAction.Continue;
        }

        public VisitorAction Leave(Node node, Visitor path)
        {
            Events.Add("leave " + Describe(node));
            return VisitorAction.Continue;
        }

        private static string Describe(Node node) => node is NameNode name ? "Name " + name.Value : node.Kind.ToString();
    }

    [Fact]
    public void Nodes_are_visited_depth_first_in_graphql_js_key_order()
    {
        var recorder = new Recorder();
        Visitor.Visit(Parser.Parse("{ a: b(x: 1) @d }"), recorder);
        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field",
                "enter Name a", "leave Name a", "enter Name b", "leave Name b",
                "enter Argument", "enter Name x", "leave Name x", "enter IntValue", "leave IntValue", "leave Argument",
                "enter Directive", "enter Name d", "leave Name d", "leave Directive",
                "leave Field", "leave SelectionSet", "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Skip_leaves_out_the_children_and_the_leave_of_that_node()
    {
        var recorder = new Recorder(node => node is FieldNode { Name.Value: "a" } ? VisitorAction.Skip : VisitorAction.Continue);
        Visitor.Visit(Parser.Parse("{ a { x } b }"), recorder);
        Assert.DoesNotContain("enter Name x", recorder.Events);
        Assert.Contains("enter Name b", recorder.Events);
        Assert.Equal(2, recorder.Events.Count(e => e == "leave Field") + 1);
    }

    [Fact]
    public void Break_stops_the_whole_traversal()
    {
        var recorder = new Recorder(node => node is FieldNode ? VisitorAction.Break : VisitorAction.Continue);
        Visitor.Visit(Parser.Parse("{ a b }"), recorder);
        Assert.Equal(["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field"], recorder.Events);
    }

    private sealed class AncestorProbe : IAstVisitor
    {
        public List<string> Paths { get; } = [];

        public VisitorAction Enter(Node node, Visitor path)
        {
            if (node is FieldNode field)
            {
                Paths.Add(field.Name.Value + ": parent " + path.Parent!.Kind + ", " + string.Join("/", path.Ancestors.Select(a => a.Kind)));
            }
            return VisitorAction.Continue;
        }

        public VisitorAction Leave(Node node, Visitor path) => VisitorAction.Continue;
    }

    [Fact]
    public void Visitors_see_the_parent_and_ancestors_of_each_node()
    {
        var probe = new AncestorProbe();
        Visitor.Visit(Parser.Parse("{ a { ... on T { b } } }"), probe);
        Assert.Equal(
            [
                "a: parent SelectionSet, Document/OperationDefinition/SelectionSet",
                "b: parent SelectionSet, Document/OperationDefinition/SelectionSet/Field/SelectionSet/InlineFragment/SelectionSet",
            ],
            probe.Paths);
    }

    [Fact]
    public void Parallel_visitors_skip_independently()
    {
        var skipper = new Recorder(node => node is FieldNode { Name.Value: "a" } ? VisitorAction.Skip : VisitorAction.Continue);
        var stopper = new Recorder(node => node is FieldNode { Name.Value: "b" } ? VisitorAction.Break : VisitorAction.Continue);
        var full = new Recorder();
        Visitor.Visit(Parser.Parse("{ a { x } b c }"), new ParallelVisitor([skipper, stopper, full]));
        Assert.DoesNotContain("enter Name x", skipper.Events);
        Assert.Contains("enter Name c", skipper.Events);
        Assert.Contains("enter Name x", stopper.Events);
        Assert.DoesNotContain("enter Name c", stopper.Events);
        Assert.Contains("enter Name x", full.Events);
        Assert.Contains("leave Document", full.Events);
    }

    [Fact]
    public void Children_lists_the_direct_children_in_order()
    {
        var field = (FieldNode)((OperationDefinitionNode)Parser.Parse("{ b(x: 1) @d { c } }").Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal([NodeKind.Name, NodeKind.Argument, NodeKind.Directive, NodeKind.SelectionSet], field.Children.Select(c => c.Kind));
    }
}
