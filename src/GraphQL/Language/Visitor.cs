namespace GraphReports.GraphQL.Language;

/// <summary>What a visitor wants after seeing a node.</summary>
public enum VisitorAction
{
    /// <summary>Go on into the node's children.</summary>
    Continue,
    /// <summary>Do not visit this node's children (nor call its leave).</summary>
    Skip,
    /// <summary>Stop the whole traversal.</summary>
    Break,
}

/// <summary>Callbacks of a depth-first traversal (see <see cref="Visitor.Visit"/>).</summary>
public interface IAstVisitor
{
    /// <summary>Called before the node's children; <see cref="VisitorAction.Skip"/> leaves them out.</summary>
    VisitorAction Enter(Node node, Visitor path);

    /// <summary>Called after the node's children.</summary>
    VisitorAction Leave(Node node, Visitor path);
}

/// <summary>
/// Depth-first traversal of a syntax tree in graphql-js's visiting order, calling enter before and
/// leave after each node's children. Visitors see the path to the current node through
/// <see cref="Parent"/> and <see cref="Ancestors"/>.
/// </summary>
public sealed class Visitor : NodeWalker
{
    private readonly IAstVisitor _visitor;
    private readonly List<Node> _ancestors = [];

    private Visitor(IAstVisitor visitor) => _visitor = visitor;

    /// <summary>The nodes above the current one, the root first (the current node is not included).</summary>
    public IReadOnlyList<Node> Ancestors => _ancestors;

    /// <summary>The node directly above the current one; null at the root.</summary>
    public Node? Parent => _ancestors.Count > 0 ? _ancestors[^1] : null;

    /// <summary>Visits <paramref name="root"/> and everything under it.</summary>
    public static void Visit(Node root, IAstVisitor visitor) => new Visitor(visitor).Walk(root);

    public override bool Walk(Node? node)
    {
        if (node is null)
        {
            return true;
        }
        var action = _visitor.Enter(node, this);
        if (action == VisitorAction.Break)
        {
            return false;
        }
        if (action == VisitorAction.Skip)
        {
            return true;
        }
        _ancestors.Add(node);
        bool completed = node.WalkChildren(this);
        _ancestors.RemoveAt(_ancestors.Count - 1);
        return completed && _visitor.Leave(node, this) != VisitorAction.Break;
    }
}

/// <summary>
/// Runs several visitors in one traversal, as graphql-js's <c>visitInParallel</c>: a visitor that
/// skips a node misses only that subtree, one that breaks is left out from then on, the others go on.
/// </summary>
public sealed class ParallelVisitor : IAstVisitor
{
    private readonly IReadOnlyList<IAstVisitor> _visitors;
    private readonly Node?[] _skipping;
    private readonly bool[] _stopped;

    public ParallelVisitor(IReadOnlyList<IAstVisitor> visitors)
    {
        _visitors = visitors;
        _skipping = new Node?[visitors.Count];
        _stopped = new bool[visitors.Count];
    }

    public VisitorAction Enter(Node node, Visitor path)
    {
        for (int i = 0; i < _visitors.Count; i++)
        {
            if (_stopped[i] || _skipping[i] is not null)
            {
                continue;
            }
            var action = _visitors[i].Enter(node, path);
            if (action == VisitorAction.Skip)
            {
                _skipping[i] = node;
            }
            else if (action == VisitorAction.Break)
            {
                _stopped[i] = true;
            }
        }
        return VisitorAction.Continue;
    }

    public VisitorAction Leave(Node node, Visitor path)
    {
        for (int i = 0; i < _visitors.Count; i++)
        {
            if (_stopped[i])
            {
                continue;
            }
            if (_skipping[i] is null)
            {
                if (_visitors[i].Leave(node, path) == VisitorAction.Break)
                {
                    _stopped[i] = true;
                }
            }
            else if (ReferenceEquals(_skipping[i], node))
            {
                _skipping[i] = null;
            }
        }
        return VisitorAction.Continue;
    }
}
