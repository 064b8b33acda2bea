namespace GraphReports.GraphQL.Language;

/// <summary>A type reference: <c>Name</c>, <c>[Type]</c> or <c>Type!</c>.</summary>
public abstract class TypeNode : Node
{
}

/// <summary>A reference to a type by name.</summary>
public sealed class NamedTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.NamedType;

    public required NameNode Name { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name);
}

/// <summary><c>[Type]</c></summary>
public sealed class ListTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.ListType;

    public required TypeNode Type { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Type);
}

/// <summary><c>Type!</c>; the inner type is never itself non-null.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.NonNullType;

    public required TypeNode Type { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Type);
}
