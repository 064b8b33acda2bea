namespace GraphReports.GraphQL.Language;

/// <summary>An input value literal (or a variable reference).</summary>
public abstract class ValueNode : Node
{
}

/// <summary><c>$name</c></summary>
public sealed class VariableNode : ValueNode
{
    public override NodeKind Kind => NodeKind.Variable;

    public required NameNode Name { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name);
}

/// <summary>An integer literal; <see cref="Value"/> keeps the source text (it may exceed 32 bits).</summary>
public sealed class IntValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.IntValue;

    public required string Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary>A float literal; <see cref="Value"/> keeps the source text.</summary>
public sealed class FloatValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.FloatValue;

    public required string Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary>A string literal, quoted or block; <see cref="Value"/> is the decoded string.</summary>
public sealed class StringValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.StringValue;

    public required string Value { get; init; }

    /// <summary>True when written as a block string (<c>"""..."""</c>).</summary>
    public bool Block { get; init; }

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary><c>true</c> or <c>false</c></summary>
public sealed class BooleanValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.BooleanValue;

    public required bool Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary><c>null</c></summary>
public sealed class NullValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.NullValue;

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary>An enum value: a name other than true, false and null.</summary>
public sealed class EnumValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.EnumValue;

    public required string Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary><c>[value, ...]</c></summary>
public sealed class ListValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.ListValue;

    public required IReadOnlyList<ValueNode> Values { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.WalkAll(Values);
}

/// <summary><c>{ name: value, ... }</c></summary>
public sealed class ObjectValueNode : ValueNode
{
    public override NodeKind Kind => NodeKind.ObjectValue;

    public required IReadOnlyList<ObjectFieldNode> Fields { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.WalkAll(Fields);
}

/// <summary><c>name: value</c> inside an object literal.</summary>
public sealed class ObjectFieldNode : Node
{
    public override NodeKind Kind => NodeKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.Walk(Name) && walker.Walk(Value);
}
