namespace GraphReports.GraphQL.Language;

/// <summary><c>@name(args)</c> applied to a part of a document.</summary>
public sealed class DirectiveNode : Node
{
    public override NodeKind Kind => NodeKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.WalkAll(Arguments);
}
