using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Execution.Cost;

/// <summary>
/// What a field's cost function sees of one selection before the operation runs: the field, its
/// arguments coerced as the executor will coerce them (literals and variables), and the selection of
/// the enclosing field, so that a field can cost what an ancestor's arguments make it do (a daily
/// trend under a two-year period has 731 buckets).
/// </summary>
public sealed class FieldCostContext
{
    private readonly FieldNode _node;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private IReadOnlyDictionary<string, object?>? _arguments;

    internal FieldCostContext(GraphQLField field, FieldNode node, IReadOnlyDictionary<string, object?> variables, FieldCostContext? parent)
    {
        Field = field;
        _node = node;
        _variables = variables;
        Parent = parent;
    }

    public GraphQLField Field { get; }

    /// <summary>The enclosing field's selection; null for a root field.</summary>
    public FieldCostContext? Parent { get; }

    /// <summary>
    /// The coerced arguments (defaults applied; input objects as dictionaries, custom scalars parsed).
    /// Empty when they do not coerce: the request then fails before execution anyway.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Arguments
    {
        get
        {
            if (_arguments is null)
            {
                try
                {
                    _arguments = ArgumentValues.Coerce(Field.Arguments, _node.Arguments, _variables, _node);
                }
                catch (GraphQLError)
                {
                    _arguments = new Dictionary<string, object?>();
                }
            }

            return _arguments;
        }
    }

    /// <summary>This selection and its ancestors, nearest first.</summary>
    public IEnumerable<FieldCostContext> SelfAndAncestors()
    {
        for (var context = this; context is not null; context = context.Parent)
        {
            yield return context;
        }
    }
}
