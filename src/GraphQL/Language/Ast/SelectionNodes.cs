namespace GraphReports.GraphQL.Language;

/// <summary><c>{ selection... }</c></summary>
public sealed class SelectionSetNode : Node
{
    public override NodeKind Kind => NodeKind.SelectionSet;

    public required IReadOnlyList<SelectionNode> Selections { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.WalkAll(Selections);
}

/// <summary>A field, a fragment spread or an inline fragment.</summary>
public abstract class SelectionNode : Node, IHasDirectives
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>alias: name(args) @dir { ... }</c></summary>
public sealed class FieldNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <summary>Null for leaf fields.</summary>
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key of the field in the response: the alias when there is one, else the name.</summary>
    public string ResponseName => Alias?.Value ?? Name.Value;

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Alias) && walker.Walk(Name) && walker.WalkAll(Arguments) && walker.WalkAll(Directives) && walker.Walk(SelectionSet);
}

/// <summary><c>name: value</c> in a field's or directive's argument list.</summary>
public sealed class ArgumentNode : Node
{
    public override NodeKind Kind => NodeKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.Walk(Value);
}

/// <summary><c>...FragmentName @dir</c></summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.FragmentSpread;

    public required NameNode Name { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.WalkAll(Directives);
}

/// <summary><c>... on Type @dir { ... }</c>; the type condition is optional.</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public override NodeKind Kind => NodeKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; init; }

    public required SelectionSetNode SelectionSet { get; init; }

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(TypeCondition) && walker.WalkAll(Directives) && walker.Walk(SelectionSet);
}

/// <summary><c>"description" fragment Name on Type @dir { ... }</c></summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    public required NameNode Name { get; init; }

    public required NamedTypeNode TypeCondition { get; init; }

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(VariableDefinitions) && walker.Walk(TypeCondition)
        && walker.WalkAll(Directives) && walker.Walk(SelectionSet);
}
