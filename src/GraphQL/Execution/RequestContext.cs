using System.Collections.Concurrent;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution.Batching;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Execution;

/// <summary>Everything one execution shares: schema, operation, variables, the errors found so far, loaders.</summary>
internal sealed class RequestContext
{
    private readonly List<GraphQLError> _errors = [];
    private LoaderRegistry? _loaders;
    private IDictionary<string, object?>? _items;

    public RequestContext(
        GraphQLSchema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestExecutorOptions options,
        IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        Options = options;
        Services = services;
        CancellationToken = cancellationToken;
        Scheduler = new BatchScheduler(cancellationToken);
    }

    public GraphQLSchema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public RequestExecutorOptions Options { get; }

    public IServiceProvider? Services { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Created on first use: most requests use no loader.</summary>
    public LoaderRegistry Loaders => LazyInitializer.EnsureInitialized(ref _loaders, () => new LoaderRegistry(Scheduler));

    public BatchScheduler Scheduler { get; }

    /// <summary>Created on first use.</summary>
    public IDictionary<string, object?> Items =>
        LazyInitializer.EnsureInitialized(ref _items, () => new ConcurrentDictionary<string, object?>(StringComparer.Ordinal));

    /// <summary>Sub-field groups per (object type, field nodes), computed once per request.</summary>
    public ConcurrentDictionary<(GraphQLObjectType Type, IReadOnlyList<FieldNode> Nodes), OrderedDictionary<string, List<FieldNode>>> SubFields { get; } = new();

    public void AddError(GraphQLError error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>Errors in the order of their paths would be nicer, but graphql-js reports them in the order found; so do we.</summary>
    public IReadOnlyList<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }
}
