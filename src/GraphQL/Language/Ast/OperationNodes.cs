namespace GraphReports.GraphQL.Language;

/// <summary>The three kinds of operation.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>Spelling of operation types as in documents (<c>query</c>, <c>mutation</c>, <c>subscription</c>).</summary>
public static class OperationTypeExtensions
{
    public static string Keyword(this OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };
}

/// <summary>
/// <c>"description" query Name($var: Type) @dir { ... }</c>, or the shorthand <c>{ ... }</c> (an anonymous query).
/// </summary>
public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override NodeKind Kind => NodeKind.OperationDefinition;

    public required OperationType Operation { get; init; }

    /// <summary>Null for anonymous operations.</summary>
    public NameNode? Name { get; init; }

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(VariableDefinitions) && walker.WalkAll(Directives) && walker.Walk(SelectionSet);
}

/// <summary><c>$name: Type = default @dir</c> in an operation's variable list.</summary>
public sealed class VariableDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.VariableDefinition;

    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Variable) && walker.Walk(Type) && walker.Walk(DefaultValue) && walker.WalkAll(Directives);
}
