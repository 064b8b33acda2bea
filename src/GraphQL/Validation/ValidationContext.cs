using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Validation;

/// <summary>A variable used in a document, with the input type and default of the position it fills.</summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, GraphQLInputValue? DefaultValueOwner, GraphQLType? ParentType);

/// <summary>
/// What validation rules share while one document is validated: the schema and document, the
/// <see cref="TypeInfo"/> of the current position, fragment and variable lookups computed once and
/// cached, and the one way to report an error.
/// </summary>
public sealed class ValidationContext
{
    // Bounds the work spent following fragment spreads, as graphql-js does, so that a document
    // with many interlinked fragments cannot make validation explode.
    private int _remainingFragmentWork = 50_000;
    private readonly TypeInfo _typeInfo;
    private readonly Action<GraphQLError> _onError;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<FragmentDefinitionNode>> _recursivelyReferencedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<Node, List<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, List<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    internal ValidationContext(GraphQLSchema schema, DocumentNode document, TypeInfo typeInfo, Action<GraphQLError> onError, bool hideSuggestions)
    {
        Schema = schema;
        Document = document;
        _typeInfo = typeInfo;
        _onError = onError;
        HideSuggestions = hideSuggestions;
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>When true, messages carry no "Did you mean ...?" hints (they reveal schema names).</summary>
    public bool HideSuggestions { get; }

    public GraphQLType? Type => _typeInfo.Type;

    public GraphQLNamedType? ParentType => _typeInfo.ParentType;

    public GraphQLType? InputType => _typeInfo.InputType;

    public GraphQLType? ParentInputType => _typeInfo.ParentInputType;

    public GraphQLField? FieldDef => _typeInfo.FieldDef;

    public GraphQLDirective? Directive => _typeInfo.Directive;

    public GraphQLArgument? Argument => _typeInfo.Argument;

    public void ReportError(GraphQLError error) => _onError(error);

    /// <summary>Reports <paramref name="message"/> located at each of <paramref name="nodes"/> (graphql-js's <c>nodes</c> option).</summary>
    public void ReportError(string message, params Node[] nodes) => _onError(ValidationErrors.At(message, nodes));

    /// <summary>The fragment definition of that name; null when the document defines none.</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments[fragment.Name.Value] = fragment; // a later duplicate wins, as in graphql-js
                }
            }
        }
        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>The fragment spreads anywhere under a selection set (not following the spreads themselves).</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (!_fragmentSpreads.TryGetValue(selectionSet, out var spreads))
        {
            spreads = [];
            var setsToVisit = new Stack<SelectionSetNode>();
            setsToVisit.Push(selectionSet);
            while (setsToVisit.TryPop(out var set))
            {
                foreach (var selection in set.Selections)
                {
                    switch (selection)
                    {
                        case FragmentSpreadNode spread:
                            spreads.Add(spread);
                            break;
                        case FieldNode { SelectionSet: { } fieldSet }:
                            setsToVisit.Push(fieldSet);
                            break;
                        case InlineFragmentNode inline:
                            setsToVisit.Push(inline.SelectionSet);
                            break;
                    }
                }
            }
            _fragmentSpreads[selectionSet] = spreads;
        }
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation) =>
        GetRecursivelyReferencedFragmentsForOperations([operation]);

    /// <summary>Every fragment the operations use, directly or through other fragments, in discovery order.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragmentsForOperations(IReadOnlyList<OperationDefinitionNode> operations)
    {
        var fragmentNames = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            {
                if (seen.Add(spread.Name.Value))
                {
                    fragmentNames.Add(spread.Name.Value);
                }
            }
        }
        string key = string.Join("\n", fragmentNames);
        if (_recursivelyReferencedFragments.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var fragments = new List<FragmentDefinitionNode>();
        SpendFragmentWork(fragmentNames.Count);
        for (int i = 0; i < fragmentNames.Count; i++)
        {
            if (GetFragment(fragmentNames[i]) is { } fragment)
            {
                fragments.Add(fragment);
                var spreads = GetFragmentSpreads(fragment.SelectionSet);
                SpendFragmentWork(spreads.Count);
                foreach (var spread in spreads)
                {
                    if (seen.Add(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }
                }
            }
        }
        _recursivelyReferencedFragments[key] = fragments;
        return fragments;
    }

    /// <summary>
    /// Records the variable usages the main validation walk found in a whole top-level definition,
    /// so that asking for them later costs no second walk (they are what that walk would find).
    /// </summary>
    internal void RecordVariableUsages(ExecutableDefinitionNode definition, List<VariableUsage> usages) =>
        _variableUsages.TryAdd(definition, usages);

    /// <summary>The variables used directly in an operation or fragment (not in variable definitions).</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(Node node)
    {
        if (!_variableUsages.TryGetValue(node, out var usages))
        {
            var collector = new VariableUsageCollector(new TypeInfo(Schema));
            Visitor.Visit(node, collector);
            usages = collector.Usages;
            _variableUsages[node] = usages;
        }
        return usages;
    }

    /// <summary>The variables an operation uses, itself and through every fragment it references.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (!_recursiveVariableUsages.TryGetValue(operation, out var usages))
        {
            var fragments = GetRecursivelyReferencedFragments(operation);
            SpendFragmentWork(fragments.Count);
            var fragmentUsages = new List<VariableUsage>();
            foreach (var fragment in fragments)
            {
                var local = GetVariableUsages(fragment);
                SpendFragmentWork(local.Count);
                fragmentUsages.AddRange(local);
            }
            SpendFragmentWork(fragmentUsages.Count);
            usages = [.. GetVariableUsages(operation), .. fragmentUsages];
            _recursiveVariableUsages[operation] = usages;
        }
        return usages;
    }

    /// <summary>Counts work done following fragments; aborts validation when the budget is spent.</summary>
    public void SpendFragmentWork(int amount)
    {
        _remainingFragmentWork -= amount;
        if (_remainingFragmentWork < 0)
        {
            throw new ValidationAbortedException();
        }
    }

    private sealed class VariableUsageCollector(TypeInfo typeInfo) : IAstVisitor
    {
        public List<VariableUsage> Usages { get; } = [];

        public VisitorAction Enter(Node node, Visitor path)
        {
            if (node is VariableDefinitionNode)
            {
                return VisitorAction.Skip;
            }
            typeInfo.Enter(node);
            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.DefaultValueOwner, typeInfo.ParentInputType));
            }
            return VisitorAction.Continue;
        }

        public VisitorAction Leave(Node node, Visitor path)
        {
            typeInfo.Leave(node);
            return VisitorAction.Continue;
        }
    }
}

/// <summary>Thrown inside validation to stop it (work budget spent); turned into a final "Validation aborted." error.</summary>
internal sealed class ValidationAbortedException : Exception
{
}
