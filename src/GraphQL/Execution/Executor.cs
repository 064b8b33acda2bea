using System.Collections;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Executes one operation as the specification's ExecuteQuery / ExecuteMutation describe: sibling fields of a
/// query start together (async resolvers overlap), mutation root fields run one after another, values are
/// completed against their types, and a null in a non-null position bubbles to the nearest nullable parent.
/// Work that completes synchronously never allocates a task.
/// </summary>
internal sealed class Executor
{
    /// <summary>Marks a field the object type does not have (validation normally prevents it): it is left out.</summary>
    private static readonly object Omitted = new();

    private readonly RequestContext _context;

    private Executor(RequestContext context) => _context = context;

    /// <summary>Runs the operation; returns the data (null when a root field's error bubbled to the top).</summary>
    public static async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(RequestContext context, object? rootValue)
    {
        var executor = new Executor(context);
        var operation = context.Operation;
        var rootType = context.Schema.GetRootType(operation.Operation)
            ?? throw new GraphQLError(
                $"Schema is not configured to execute {operation.Operation.Keyword()} operation.",
                VariableValues.Locations(operation));
        var fields = FieldCollector.Collect(context.Schema, context.Fragments, context.Variables, rootType, operation.SelectionSet);
        try
        {
            if (operation.Operation == OperationType.Mutation)
            {
                return await executor.ExecuteFieldsSeriallyAsync(rootType, rootValue, fields).ConfigureAwait(false);
            }

            ValueTask<object?> execution;
            context.Scheduler.Enter();
            try
            {
                execution = executor.ExecuteFields(rootType, rootValue, null, fields);
            }
            finally
            {
                context.Scheduler.Exit();
            }

            return (IReadOnlyDictionary<string, object?>?)await execution.ConfigureAwait(false);
        }
        catch (NullPropagation propagation)
        {
            context.AddError(propagation.Error);
            return null;
        }
    }

    private async Task<IReadOnlyDictionary<string, object?>> ExecuteFieldsSeriallyAsync(
        GraphQLObjectType rootType,
        object? rootValue,
        OrderedDictionary<string, List<FieldNode>> fields)
    {
        var result = new OrderedDictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        foreach (var (key, nodes) in fields)
        {
            ValueTask<object?> field;
            _context.Scheduler.Enter();
            try
            {
                field = ExecuteField(rootType, rootValue, nodes, new ResponsePath(null, key));
            }
            finally
            {
                _context.Scheduler.Exit();
            }

            var value = await field.ConfigureAwait(false);
            if (!ReferenceEquals(value, Omitted))
            {
                result[key] = value;
            }
        }

        return result;
    }

    private ValueTask<object?> ExecuteFields(GraphQLObjectType parentType, object? source, ResponsePath? path, OrderedDictionary<string, List<FieldNode>> fields)
    {
        var values = new object?[fields.Count];
        List<(int Index, Task<object?> Task)>? pending = null;
        for (var i = 0; i < values.Length; i++)
        {
            var (key, nodes) = fields.GetAt(i);
            ValueTask<object?> field;
            try
            {
                field = ExecuteField(parentType, source, nodes, new ResponsePath(path, key));
            }
            catch (NullPropagation propagation) when (pending is not null)
            {
                // Let the siblings already started finish before the null bubbles up.
                return new ValueTask<object?>(AwaitThenThrowAsync(pending, propagation));
            }

            if (field.IsCompletedSuccessfully)
            {
                values[i] = field.Result;
            }
            else
            {
                (pending ??= []).Add((i, field.AsTask()));
            }
        }

        return pending is null
            ? new ValueTask<object?>(BuildObject(fields, values))
            : new ValueTask<object?>(AwaitFieldsAsync(fields, values, pending));
    }

    private static async Task<object?> AwaitThenThrowAsync(List<(int Index, Task<object?> Task)> pending, NullPropagation propagation)
    {
        foreach (var (_, task) in pending)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (NullPropagation)
            {
                // The first null to bubble wins; the others are dropped with their parent.
            }
        }

        throw propagation;
    }

    private static async Task<object?> AwaitFieldsAsync(
        OrderedDictionary<string, List<FieldNode>> fields,
        object?[] values,
        List<(int Index, Task<object?> Task)> pending)
    {
        Exception? first = null;
        foreach (var (index, task) in pending)
        {
            try
            {
                values[index] = await task.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                first ??= exception;
            }
        }

        if (first is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        return BuildObject(fields, values);
    }

    private static OrderedDictionary<string, object?> BuildObject(OrderedDictionary<string, List<FieldNode>> fields, object?[] values)
    {
        var result = new OrderedDictionary<string, object?>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            if (!ReferenceEquals(values[i], Omitted))
            {
                result.Add(fields.GetAt(i).Key, values[i]);
            }
        }

        return result;
    }

    private ValueTask<object?> ExecuteField(GraphQLObjectType parentType, object? source, List<FieldNode> nodes, ResponsePath path)
    {
        var fieldNode = nodes[0];
        var definition = _context.Schema.GetField(parentType, fieldNode.Name.Value);
        if (definition is null)
        {
            return new ValueTask<object?>(Omitted);
        }

        _context.CancellationToken.ThrowIfCancellationRequested();
        ResolveFieldContext resolveContext;
        ValueTask<object?> resolved;
        try
        {
            var arguments = ArgumentValues.Coerce(definition.Arguments, fieldNode.Arguments, _context.Variables, fieldNode);
            resolveContext = new ResolveFieldContext(_context, source, definition, parentType, nodes, arguments, path);
            resolved = (definition.Resolver ?? DefaultFieldResolver.Instance)(resolveContext);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, definition.Type, nodes, path));
        }

        if (resolved.IsCompletedSuccessfully && resolved.Result is not Task)
        {
            return CompleteField(definition.Type, nodes, resolveContext, path, resolved.Result);
        }

        return new ValueTask<object?>(AwaitResolvedAsync(resolved, definition.Type, nodes, resolveContext, path));
    }

    private async Task<object?> AwaitResolvedAsync(ValueTask<object?> resolved, GraphQLType type, List<FieldNode> nodes, ResolveFieldContext resolveContext, ResponsePath path)
    {
        object? value;
        try
        {
            value = await resolved.ConfigureAwait(false);
            if (value is Task task)
            {
                // A resolver returned a task as its value (an async lambda given to Resolve): wait for it.
                await task.ConfigureAwait(false);
                value = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            }
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return HandleFieldError(exception, type, nodes, path);
        }

        ValueTask<object?> completion;
        _context.Scheduler.Enter();
        try
        {
            completion = CompleteField(type, nodes, resolveContext, path, value);
        }
        finally
        {
            _context.Scheduler.Exit();
        }

        return await completion.ConfigureAwait(false);
    }

    private ValueTask<object?> CompleteField(GraphQLType type, List<FieldNode> nodes, ResolveFieldContext resolveContext, ResponsePath path, object? value)
    {
        try
        {
            var completion = CompleteValue(type, nodes, resolveContext, path, value);
            return completion.IsCompletedSuccessfully ? completion : new ValueTask<object?>(AwaitCompletionAsync(completion, type, nodes, path));
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return new ValueTask<object?>(HandleFieldError(exception, type, nodes, path));
        }
    }

    private async Task<object?> AwaitCompletionAsync(ValueTask<object?> completion, GraphQLType type, List<FieldNode> nodes, ResponsePath path)
    {
        try
        {
            return await completion.ConfigureAwait(false);
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            return HandleFieldError(exception, type, nodes, path);
        }
    }

    /// <summary>Records the error and gives null, or, in a non-null position, lets the null bubble up.</summary>
    private object? HandleFieldError(Exception exception, GraphQLType type, List<FieldNode> nodes, ResponsePath path)
    {
        if (exception is NullPropagation propagation)
        {
            if (type is GraphQLNonNull)
            {
                throw propagation;
            }

            _context.AddError(propagation.Error);
            return null;
        }

        var error = FieldErrors.Locate(exception, nodes, path, _context.Options);
        if (type is GraphQLNonNull)
        {
            throw new NullPropagation(error);
        }

        _context.AddError(error);
        return null;
    }

    private bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException && _context.CancellationToken.IsCancellationRequested;

    private ValueTask<object?> CompleteValue(GraphQLType type, List<FieldNode> nodes, ResolveFieldContext resolveContext, ResponsePath path, object? result)
    {
        if (type is GraphQLNonNull nonNull)
        {
            var inner = CompleteValue(nonNull.OfType, nodes, resolveContext, path, result);
            if (!inner.IsCompletedSuccessfully)
            {
                return new ValueTask<object?>(AwaitNonNullAsync(inner, resolveContext));
            }

            return inner.Result is null ? throw NonNullError(resolveContext) : inner;
        }

        if (result is null)
        {
            return new ValueTask<object?>((object?)null);
        }

        switch (type)
        {
            case GraphQLList list:
                return CompleteList(list, nodes, resolveContext, path, result);
            case IGraphQLLeafType leaf:
                return new ValueTask<object?>(leaf.Serialize(result)
                    ?? throw new GraphQLError($"Expected `{leaf.Name}.serialize({Inspect.Value(result)})` to return non-nullable value, returned: null"));
            case IGraphQLAbstractType abstractType:
                return CompleteObject(ResolveRuntimeType(abstractType, result, resolveContext), nodes, path, result);
            case GraphQLObjectType objectType:
                if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result))
                {
                    throw new GraphQLError($"Expected value of type \"{objectType.Name}\" but got: {Inspect.Value(result)}.");
                }

                return CompleteObject(objectType, nodes, path, result);
            default:
                throw new InvalidOperationException($"Cannot complete a value of type {type}.");
        }
    }

    private static async Task<object?> AwaitNonNullAsync(ValueTask<object?> inner, ResolveFieldContext resolveContext) =>
        await inner.ConfigureAwait(false) ?? throw NonNullError(resolveContext);

    private static GraphQLError NonNullError(ResolveFieldContext resolveContext) =>
        new($"Cannot return null for non-nullable field {resolveContext.ParentType.Name}.{resolveContext.FieldName}.");

    private ValueTask<object?> CompleteObject(GraphQLObjectType type, List<FieldNode> nodes, ResponsePath path, object result)
    {
        var subFields = _context.SubFields.GetOrAdd((type, nodes), key =>
        {
            var collected = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
            var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in key.Nodes)
            {
                if (node.SelectionSet is { } selectionSet)
                {
                    FieldCollector.Collect(_context.Schema, _context.Fragments, _context.Variables, key.Type, selectionSet, collected, visitedFragments);
                }
            }

            return collected;
        });
        return ExecuteFields(type, result, path, subFields);
    }

    private ValueTask<object?> CompleteList(GraphQLList list, List<FieldNode> nodes, ResolveFieldContext resolveContext, ResponsePath path, object result)
    {
        if (result is not IEnumerable items || result is string || result is IDictionary || result is IReadOnlyDictionary<string, object?>)
        {
            throw new GraphQLError($"Expected Iterable, but did not find one for field \"{resolveContext.ParentType.Name}.{resolveContext.FieldName}\".");
        }

        var values = new List<object?>();
        List<(int Index, Task<object?> Task)>? pending = null;
        var index = 0;
        foreach (var item in items)
        {
            var itemPath = new ResponsePath(path, index);
            ValueTask<object?> completion;
            try
            {
                completion = CompleteValue(list.OfType, nodes, resolveContext, itemPath, item);
            }
            catch (Exception exception) when (!IsCancellation(exception))
            {
                completion = new ValueTask<object?>(HandleFieldError(exception, list.OfType, nodes, itemPath));
            }

            if (completion.IsCompletedSuccessfully)
            {
                values.Add(completion.Result);
            }
            else
            {
                values.Add(null);
                (pending ??= []).Add((index, AwaitCompletionAsync(completion, list.OfType, nodes, itemPath)));
            }

            index++;
        }

        return pending is null ? new ValueTask<object?>(values) : new ValueTask<object?>(AwaitListAsync(values, pending));
    }

    private static async Task<object?> AwaitListAsync(List<object?> values, List<(int Index, Task<object?> Task)> pending)
    {
        Exception? first = null;
        foreach (var (index, task) in pending)
        {
            try
            {
                values[index] = await task.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                first ??= exception;
            }
        }

        if (first is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        return values;
    }

    private GraphQLObjectType ResolveRuntimeType(IGraphQLAbstractType abstractType, object value, ResolveFieldContext resolveContext)
    {
        var possibleTypes = _context.Schema.GetPossibleTypes(abstractType);
        var typeName = abstractType.ResolveType?.Invoke(value, resolveContext);
        if (typeName is null)
        {
            foreach (var possible in possibleTypes)
            {
                if (possible.IsTypeOf?.Invoke(value) == true)
                {
                    return possible;
                }
            }

            typeName = value switch
            {
                IReadOnlyDictionary<string, object?> map when map.GetValueOrDefault("__typename") is string name => name,
                IDictionary<string, object?> map when map.TryGetValue("__typename", out var name) && name is string text => text,
                _ => null,
            };
        }

        if (typeName is null)
        {
            var clrType = value.GetType();
            typeName = possibleTypes.FirstOrDefault(p => p.ClrType?.IsAssignableFrom(clrType) == true)?.Name
                ?? possibleTypes.FirstOrDefault(p => p.ClrType is null && p.Name == clrType.Name)?.Name;
        }

        if (typeName is null)
        {
            throw new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{resolveContext.ParentType.Name}.{resolveContext.FieldName}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");
        }

        var runtimeType = _context.Schema.GetType(typeName)
            ?? throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.");
        if (runtimeType is not GraphQLObjectType objectType)
        {
            throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\".");
        }

        if (!_context.Schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLError($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".");
        }

        return objectType;
    }
}
