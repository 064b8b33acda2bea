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
/// skips parsing and validation. Bounded by entries and by bytes: each entry weighs
/// <see cref="BytesPerCharacter"/> per character of its text (the text and its syntax tree), the least
/// recently used go until both bounds hold, and a document heavier than a quarter of the byte budget is
/// not cached at all (a client sending large distinct documents cannot grow memory). Thread-safe; a
/// capacity of 0 caches nothing.
/// </summary>
internal sealed class DocumentCache(int capacity, long maxBytes = long.MaxValue)
{
    /// <summary>Estimated bytes held per character of a cached document: its UTF-16 text (2) and its syntax tree.</summary>
    public const int BytesPerCharacter = 12;

    private long _bytes;

    /// <summary>Estimated bytes the cached documents hold.</summary>
    public long Bytes
    {
        get
        {
            lock (_entries)
            {
                return _bytes;
            }
        }
    }

    private static long Weight(string query) => (long)query.Length * BytesPerCharacter;

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
        if (capacity <= 0 || Weight(query) > maxBytes / 4)
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
            _bytes += Weight(query);
            while (_entries.Count > capacity || _bytes > maxBytes)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= Weight(last.Value.Key);
            }
        }

        return created;
    }
}
