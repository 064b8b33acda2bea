using GraphReports.GraphQL.Execution.Batching;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Execution;

/// <summary>What a resolver knows about the field it resolves: its parent value, arguments, position and request.</summary>
public sealed class ResolveFieldContext
{
    private readonly RequestContext _request;

    internal ResolveFieldContext(
        RequestContext request,
        object? source,
        GraphQLField field,
        GraphQLObjectType parentType,
        IReadOnlyList<FieldNode> fieldNodes,
        IReadOnlyDictionary<string, object?> arguments,
        ResponsePath path)
    {
        _request = request;
        Source = source;
        Field = field;
        ParentType = parentType;
        FieldNodes = fieldNodes;
        Arguments = arguments;
        Path = path;
    }

    /// <summary>The value the parent field resolved to (for root fields, the executor's root value).</summary>
    public object? Source { get; }

    public GraphQLField Field { get; }

    public string FieldName => Field.Name;

    public GraphQLObjectType ParentType { get; }

    public GraphQLType ReturnType => Field.Type;

    /// <summary>The field's nodes in the document (several when the same response key is selected more than once).</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>Coerced argument values, including defaults; an argument neither given nor defaulted is absent.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    public ResponsePath Path { get; }

    public GraphQLSchema Schema => _request.Schema;

    public OperationDefinitionNode Operation => _request.Operation;

    /// <summary>Coerced variable values of the operation.</summary>
    public IReadOnlyDictionary<string, object?> Variables => _request.Variables;

    /// <summary>Cancelled when the client goes away or the request times out.</summary>
    public CancellationToken CancellationToken => _request.CancellationToken;

    /// <summary>Services of the current request given by the transport (may be null).</summary>
    public IServiceProvider? Services => _request.Services;

    /// <summary>A bag for resolvers to share state within one request.</summary>
    public IDictionary<string, object?> Items => _request.Items;

    /// <summary>The source cast to <typeparamref name="T"/> (throws when it is not one).</summary>
    public T SourceAs<T>() => Source is T typed
        ? typed
        : throw new InvalidOperationException($"The source of {ParentType.Name}.{FieldName} is {Source?.GetType().Name ?? "null"}, not {typeof(T).Name}.");

    /// <summary>Whether the argument was given or has a default value.</summary>
    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>
    /// The coerced argument converted to <typeparamref name="T"/>: numbers, strings, booleans, CLR enums mapped to
    /// GraphQL enums, nullable forms, lists and arrays of those, dictionaries for input objects, or a class
    /// with settable properties / a constructor whose parameters match the input object's fields.
    /// An absent argument gives <c>default</c>.
    /// </summary>
    public T Argument<T>(string name)
    {
        if (Field.GetArgument(name) is null)
        {
            throw new ArgumentException($"{ParentType.Name}.{FieldName} has no argument \"{name}\".", nameof(name));
        }

        return Arguments.TryGetValue(name, out var value) ? ValueConverter.Convert<T>(value) : default!;
    }

    /// <summary>As <see cref="Argument{T}(string)"/>, with a fallback when the argument is absent or null.</summary>
    public T Argument<T>(string name, T fallback) =>
        Arguments.TryGetValue(name, out var value) && value is not null ? ValueConverter.Convert<T>(value) : fallback;

    /// <summary>
    /// The request's batch loader named <paramref name="name"/>, created on first use with <paramref name="fetch"/>.
    /// Keys loaded by resolvers of one level are fetched together in one call once every sibling has asked.
    /// </summary>
    public BatchLoader<TKey, TValue> Loader<TKey, TValue>(string name, BatchFetch<TKey, TValue> fetch)
        where TKey : notnull => _request.Loaders.GetOrAdd(name, fetch);
}
