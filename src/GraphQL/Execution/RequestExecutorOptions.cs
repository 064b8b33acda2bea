namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Settings of a <c>RequestExecutor</c>. Every default is stated on its property; the limits reject a
/// request before execution with a validation error.
/// </summary>
public sealed class RequestExecutorOptions
{
    /// <summary>Longest time one request may execute; then it ends with a "timed out" error. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Parsed and validated documents kept, keyed by query text, least recently used evicted. Default 256; 0 disables the cache.</summary>
    public int DocumentCacheSize { get; set; } = 256;

    /// <summary>
    /// Estimated bytes the document cache may hold (12 per character of the cached texts: text and syntax tree).
    /// A document heavier than a quarter of it is parsed every time, never cached. Default 32 MiB.
    /// </summary>
    public long DocumentCacheBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried. Default true. <c>__typename</c> is always allowed.</summary>
    public bool EnableIntrospection { get; set; } = true;

    /// <summary>Deepest nesting of fields allowed in an operation (fragments expanded). Default 20.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Most field selections allowed in an operation (fragments expanded, each spread counted). Default 1000.</summary>
    public int MaxFields { get; set; } = 1000;

    /// <summary>Most aliased field selections allowed in an operation. Default 100.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Highest static cost allowed (see <see cref="DefaultFieldCost"/>, <see cref="DefaultListSize"/>). Default 10,000.</summary>
    public int MaxCost { get; set; } = 10_000;

    /// <summary>Cost of a field without its own weight. Default 1.</summary>
    public int DefaultFieldCost { get; set; } = 1;

    /// <summary>Items assumed in a list field without a size argument or an assumed size of its own. Default 10.</summary>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>Most validation errors reported for one document. Default 100.</summary>
    public int MaxValidationErrors { get; set; } = 100;

    /// <summary>
    /// Exception types (and their subclasses) whose message a client may see. Any other exception a resolver
    /// throws (except <see cref="Errors.GraphQLError"/>) is reported as "Unexpected error." with an error id.
    /// </summary>
    public IList<Type> UserFacingExceptionTypes { get; } = [];

    /// <summary>Called with each unexpected resolver exception and the error id given to the client (for logging).</summary>
    public Action<Exception, string>? OnUnexpectedError { get; set; }
}
