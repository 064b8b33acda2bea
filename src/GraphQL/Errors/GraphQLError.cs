namespace GraphReports.GraphQL.Errors;

/// <summary>A position in a GraphQL source document, both 1-based, as the specification reports it.</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// The one error type of the engine: every stage (lexing, parsing, validation, coercion, execution)
/// reports through it, as graphql-js does with its <c>GraphQLError</c>. Serialized as the
/// specification's error entry: <c>message</c>, then <c>locations</c>, <c>path</c> and
/// <c>extensions</c> when present.
/// </summary>
public sealed class GraphQLError : Exception
{
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Locations = locations ?? [];
        Path = path;
        Extensions = extensions;
    }

    /// <summary>Where in the document the error applies; empty when it applies to no position.</summary>
    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>Response path (field names as strings, list indices as ints) of a field error; null otherwise.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extra machine-readable facts (for example <c>code</c>); null when there are none.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
