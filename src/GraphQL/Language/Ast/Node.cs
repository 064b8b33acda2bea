namespace GraphReports.GraphQL.Language;

/// <summary>
/// Base of every syntax node. Nodes are immutable; <see cref="Location"/> is null when the
/// parser was asked not to record locations or the node was built in code.
/// </summary>
public abstract class Node
{
    public abstract NodeKind Kind { get; }

    // The location is kept as offsets and made into a Location object only when asked for
    // (errors, mostly), which saves the parser an allocation per node.
    private Source? _source;
    private int _start;
    private int _end;

    /// <summary>Where the node was read from; null for nodes built in code.</summary>
    public Location? Location
    {
        get => _source is null ? null : new Location(_start, _end, _source);
        init
        {
            if (value is null)
            {
                _source = null;
            }
            else
            {
                SetLocation(value.Start, value.End, value.Source);
            }
        }
    }

    internal void SetLocation(int start, int end, Source source)
    {
        _start = start;
        _end = end;
        _source = source;
    }

    /// <summary>
    /// Hands each child node to <paramref name="walker"/> in the order graphql-js visits them
    /// (its <c>QueryDocumentKeys</c>); stops and returns false as soon as the walker does.
    /// </summary>
    public abstract bool WalkChildren(NodeWalker walker);

    /// <summary>The direct children, in visiting order.</summary>
    public IReadOnlyList<Node> Children
    {
        get
        {
            var collector = new ChildCollector();
            WalkChildren(collector);
            return collector.Nodes;
        }
    }

    /// <summary>The node printed as GraphQL (graphql-js's printer format).</summary>
    public override string ToString() => Printer.Print(this);

    private sealed class ChildCollector : NodeWalker
    {
        public List<Node> Nodes { get; } = [];

        public override bool Walk(Node? node)
        {
            if (node is not null)
            {
                Nodes.Add(node);
            }
            return true;
        }
    }
}

/// <summary>Receives the children of a node (see <see cref="Node.WalkChildren"/>).</summary>
public abstract class NodeWalker
{
    /// <summary>Visits one child (null children are ignored); returns false to stop the whole walk.</summary>
    public abstract bool Walk(Node? node);

    /// <summary>Visits every node of a list in order; returns false when the walk was stopped.</summary>
    public bool WalkAll<T>(IReadOnlyList<T> nodes) where T : Node
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!Walk(nodes[i]))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>Nodes that can carry directives (<c>@name(args)</c>).</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A name: an identifier matching <c>/[_A-Za-z][_0-9A-Za-z]*/</c>.</summary>
public sealed class NameNode : Node
{
    public override NodeKind Kind => NodeKind.Name;

    public required string Value { get; init; }

    public override bool WalkChildren(NodeWalker walker) => true;
}

/// <summary>A whole GraphQL document: a list of definitions.</summary>
public sealed class DocumentNode : Node
{
    public override NodeKind Kind => NodeKind.Document;

    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }

    public override bool WalkChildren(NodeWalker walker) => walker.WalkAll(Definitions);
}

/// <summary>A top-level definition of a document.</summary>
public abstract class DefinitionNode : Node
{
}

/// <summary>An operation or fragment definition: the definitions a request may contain.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode, IHasDirectives
{
    /// <summary>The description written before the definition; null when there is none (always null for the query shorthand).</summary>
    public StringValueNode? Description { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>Schema, type and directive definitions (the type system definition language).</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
}

/// <summary>Schema and type extensions (<c>extend ...</c>).</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
}
