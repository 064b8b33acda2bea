using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Execution.Cost;

/// <summary>
/// Static limits on the shape of each operation of a valid document, fragments expanded: depth, number
/// of field selections and number of aliases. Checked once per document (the result is cached with it),
/// and the count stops as soon as a limit is passed so that a fragment bomb cannot make it expensive.
/// </summary>
public static class OperationLimits
{
    public static IReadOnlyList<GraphQLError> Check(DocumentNode document, RequestExecutorOptions options)
    {
        var fragments = document.Definitions.OfType<FragmentDefinitionNode>().ToDictionary(f => f.Name.Value, StringComparer.Ordinal);
        var errors = new List<GraphQLError>();
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            var counter = new Counter(fragments, options);
            counter.Walk(operation.SelectionSet, 1);
            var name = operation.Name is { } n ? $"\"{n.Value}\"" : "The anonymous operation";
            var subject = operation.Name is null ? name : $"The operation {name}";
            var locations = VariableValues.Locations(operation);
            if (counter.MaxDepth > options.MaxDepth)
            {
                errors.Add(Error($"{subject} has a depth of {Describe(counter.MaxDepth, counter.Stopped)}, which exceeds the maximum depth of {options.MaxDepth}.", locations, "MAX_DEPTH_EXCEEDED"));
            }

            if (counter.Fields > options.MaxFields)
            {
                errors.Add(Error($"{subject} selects {Describe(counter.Fields, counter.Stopped)} fields, which exceeds the maximum of {options.MaxFields}.", locations, "MAX_FIELDS_EXCEEDED"));
            }

            if (counter.Aliases > options.MaxAliases)
            {
                errors.Add(Error($"{subject} uses {Describe(counter.Aliases, counter.Stopped)} aliases, which exceeds the maximum of {options.MaxAliases}.", locations, "MAX_ALIASES_EXCEEDED"));
            }
        }

        return errors;
    }

    private static string Describe(int count, bool stopped) => stopped ? $"at least {count}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static GraphQLError Error(string message, IReadOnlyList<SourceLocation>? locations, string code) =>
        new(message, locations, extensions: new Dictionary<string, object?> { ["code"] = code });

    private sealed class Counter(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, RequestExecutorOptions options)
    {
        private readonly HashSet<string> _spreadPath = new(StringComparer.Ordinal);

        public int MaxDepth { get; private set; }

        public int Fields { get; private set; }

        public int Aliases { get; private set; }

        public bool Stopped { get; private set; }

        public void Walk(SelectionSetNode selectionSet, int depth)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (Stopped)
                {
                    return;
                }

                switch (selection)
                {
                    case FieldNode field:
                        Fields++;
                        if (field.Alias is not null)
                        {
                            Aliases++;
                        }

                        MaxDepth = Math.Max(MaxDepth, depth);
                        if (Fields > options.MaxFields || Aliases > options.MaxAliases || MaxDepth > options.MaxDepth)
                        {
                            Stopped = true;
                            return;
                        }

                        if (field.SelectionSet is { } children)
                        {
                            Walk(children, depth + 1);
                        }

                        break;
                    case InlineFragmentNode inline:
                        Walk(inline.SelectionSet, depth);
                        break;
                    case FragmentSpreadNode spread:
                        // Cycles are a validation error already reported; never follow one here.
                        if (fragments.TryGetValue(spread.Name.Value, out var fragment) && _spreadPath.Add(spread.Name.Value))
                        {
                            Walk(fragment.SelectionSet, depth);
                            _spreadPath.Remove(spread.Name.Value);
                        }

                        break;
                }
            }
        }
    }
}
