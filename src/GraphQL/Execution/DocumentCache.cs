using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Execution;

/// <summary>A parsed document with the outcome of its validation against the executor's schema and limits.</summary>
internal sealed class CachedDocument
{
    public CachedDocument(DocumentNode? document, GraphQLError? parseError)
    {
        Document = document;
        ParseError = parseError;
        if (document is not null)
        {
            Fragments = document.Definitions.OfType<FragmentDefinitionNode>()
                .GroupBy(f => f.Name.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }
    }

    public DocumentNode? Document { get; }

    public GraphQLError? ParseError { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; } = new Dictionary<string, FragmentDefinitionNode>();

    /// <summary>Validation errors (empty when valid); null until validated.</summary>
    public IReadOnlyList<GraphQLError>? ValidationErrors { get; set; }
}

/// <summary>
/// A least-recently-used cache of parsed and validated documents keyed by query text, so a repeated query
/// skips parsing and validation. Thread-safe; a capacity of 0 caches nothing.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedDocument Value)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedDocument Value)> _recency = new();

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public CachedDocument GetOrAdd(string query, Func<string, CachedDocument> create)
    {
        if (capacity <= 0)
        {
            return create(query);
        }

        lock (_entries)
        {
            if (_entries.TryGetValue(query, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Value;
            }
        }

        // Parse outside the lock; two threads parsing the same new text both succeed and one entry stays.
        var created = create(query);
        lock (_entries)
        {
            if (_entries.TryGetValue(query, out var existing))
            {
                return existing.Value.Value;
            }

            _entries[query] = _recency.AddFirst((query, created));
            if (_entries.Count > capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }

        return created;
    }
}
