namespace GraphReports.GraphQL.Language;

/// <summary><c>extend schema @dir { mutation: Mutation }</c></summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode, IHasDirectives
{
    public override NodeKind Kind => NodeKind.SchemaExtension;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) => walker.WalkAll(Directives) && walker.WalkAll(OperationTypes);
}

/// <summary>An extension of a named type (<c>extend type</c>, <c>extend enum</c>...).</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode, IHasDirectives
{
    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>extend scalar Name @dir</c></summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeExtension;

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.WalkAll(Directives);
}

/// <summary><c>extend type Name implements A @dir { fields }</c></summary>
public sealed class ObjectTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Name) && walker.WalkAll(Interfaces) && walker.WalkAll(Directives) && walker.WalkAll(Fields);
}

/// <summary><c>extend interface Name implements A @dir { fields }</c></summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeExtension;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Name) && walker.WalkAll(Interfaces) && walker.WalkAll(Directives) && walker.WalkAll(Fields);
}

/// <summary><c>extend union Name @dir = C</c></summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeExtension;

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.WalkAll(Directives) && walker.WalkAll(Types);
}

/// <summary><c>extend enum Name @dir { MORE }</c></summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeExtension;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.WalkAll(Directives) && walker.WalkAll(Values);
}

/// <summary><c>extend input Name @dir { fields }</c></summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeExtension;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.WalkAll(Directives) && walker.WalkAll(Fields);
}
