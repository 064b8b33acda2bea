namespace GraphReports.GraphQL.Language;

/// <summary><c>"description" schema @dir { query: Query ... }</c></summary>
public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode, IHasDirectives
{
    public override NodeKind Kind => NodeKind.SchemaDefinition;

    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; }

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.WalkAll(Directives) && walker.WalkAll(OperationTypes);
}

/// <summary><c>query: Query</c> inside a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode : Node
{
    public override NodeKind Kind => NodeKind.OperationTypeDefinition;

    public required OperationType Operation { get; init; }

    public required NamedTypeNode Type { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Type);
}

/// <summary>The definition of a named type (scalar, object, interface, union, enum, input object).</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode, IHasDirectives
{
    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>scalar Name @dir</c></summary>
public sealed class ScalarTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ScalarTypeDefinition;

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Directives);
}

/// <summary><c>type Name implements A &amp; B @dir { fields }</c></summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.ObjectTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Interfaces) && walker.WalkAll(Directives) && walker.WalkAll(Fields);
}

/// <summary><c>interface Name implements A @dir { fields }</c></summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InterfaceTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Interfaces) && walker.WalkAll(Directives) && walker.WalkAll(Fields);
}

/// <summary><c>union Name @dir = A | B</c></summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.UnionTypeDefinition;

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Directives) && walker.WalkAll(Types);
}

/// <summary><c>enum Name @dir { VALUES }</c></summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.EnumTypeDefinition;

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Directives) && walker.WalkAll(Values);
}

/// <summary><c>input Name @dir { fields }</c></summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override NodeKind Kind => NodeKind.InputObjectTypeDefinition;

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Directives) && walker.WalkAll(Fields);
}

/// <summary><c>"description" name(args): Type @dir</c> in an object or interface.</summary>
public sealed class FieldDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.FieldDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public required TypeNode Type { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Arguments) && walker.Walk(Type) && walker.WalkAll(Directives);
}

/// <summary>An argument definition or input field: <c>"description" name: Type = default @dir</c>.</summary>
public sealed class InputValueDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.InputValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.Walk(Type) && walker.Walk(DefaultValue) && walker.WalkAll(Directives);
}

/// <summary><c>"description" VALUE @dir</c> inside an enum.</summary>
public sealed class EnumValueDefinitionNode : Node, IHasDirectives
{
    public override NodeKind Kind => NodeKind.EnumValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Directives);
}

/// <summary><c>"description" directive @name(args) repeatable on LOCATION | ...</c></summary>
public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public override NodeKind Kind => NodeKind.DirectiveDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public bool Repeatable { get; init; }

    /// <summary>The locations as written (names of <see cref="DirectiveLocation"/> in the specification's spelling).</summary>
    public required IReadOnlyList<NameNode> Locations { get; init; }

    public override bool WalkChildren(NodeWalker walker) =>
        walker.Walk(Description) && walker.Walk(Name) && walker.WalkAll(Arguments) && walker.WalkAll(Locations);
}
