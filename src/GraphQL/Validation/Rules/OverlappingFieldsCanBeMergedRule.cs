using System.Text;
using System.Text.Json;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging: fields with the same response name must be mergeable: the same field
/// with the same arguments (unless their parents can never be the same object), compatible types,
/// and mergeable sub-selections. Fragments are compared with each other and with fields once per
/// pair thanks to caches of collected fields and compared pairs (graphql-js's algorithm, with its
/// complexity budget).
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationVisitor(context)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    private static readonly object NoType = new();

    private readonly PairSet _comparedFragmentPairs = new();
    private readonly Dictionary<object, Dictionary<SelectionSetNode, CollectedFields>> _collectedFields = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ValueNode, string> _stringifiedValues = new(ReferenceEqualityComparer.Instance);
    private int _remainingComplexityBudget = MaxComplexityBudget;

    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not SelectionSetNode selectionSet || path.Parent is InlineFragmentNode)
        {
            return VisitorAction.Continue;
        }
        // A lone field or spread cannot conflict within this set; nested sets are visited on their own.
        if (selectionSet.Selections.Count <= 1 && (selectionSet.Selections.Count == 0 || selectionSet.Selections[0] is not InlineFragmentNode))
        {
            return VisitorAction.Continue;
        }
        foreach (var conflict in FindConflictsWithinSelectionSet(Context.ParentType, selectionSet))
        {
            Context.ReportError(
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. "
                + "Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]);
        }
        return VisitorAction.Continue;
    }

    private List<Conflict> FindConflictsWithinSelectionSet(GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var collected = CollectFields(parentType, selectionSet);
        CollectConflictsWithin(conflicts, collected.GroupedFields);
        var fragmentNames = collected.FragmentNames;
        if (fragmentNames.Count != 0 && (collected.GroupedFields.Count != 0 || fragmentNames.Count > 1))
        {
            for (int i = 0; i < fragmentNames.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, collected, fragmentNames[i]);
                for (int j = i + 1; j < fragmentNames.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
                }
            }
        }
        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(
        List<Conflict> conflicts, bool areMutuallyExclusive, CollectedFields collected, string fragmentName)
    {
        SpendComplexityBudget(1);
        if (collected.GroupedFields.Count == 0)
        {
            return;
        }
        collected.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (collected.ComparedFragments.TryGetValue(fragmentName, out bool comparedExclusive)
            && (!comparedExclusive || areMutuallyExclusive))
        {
            return; // already compared at least as strictly
        }
        collected.ComparedFragments[fragmentName] = areMutuallyExclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }
        var collected2 = CollectFragmentFields(fragment);
        if (ReferenceEquals(collected, collected2))
        {
            return;
        }
        CollectConflictsBetween(conflicts, areMutuallyExclusive, collected, collected2);
        foreach (var referenced in collected2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, collected, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        SpendComplexityBudget(2);
        if (fragmentName1 == fragmentName2 || _comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
        {
            return;
        }
        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
        if (Context.GetFragment(fragmentName1) is not { } fragment1 || Context.GetFragment(fragmentName2) is not { } fragment2)
        {
            return;
        }
        var collected1 = CollectFragmentFields(fragment1);
        var collected2 = CollectFragmentFields(fragment2);
        CollectConflictsBetween(conflicts, areMutuallyExclusive, collected1, collected2);
        foreach (var referenced2 in collected2.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, referenced2);
        }
        foreach (var referenced1 in collected1.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, referenced1, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive, GraphQLType? parentType1, SelectionSetNode selectionSet1, GraphQLType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var collected1 = CollectFields(parentType1, selectionSet1);
        var collected2 = CollectFields(parentType2, selectionSet2);
        CollectConflictsBetween(conflicts, areMutuallyExclusive, collected1, collected2);
        foreach (var fragmentName2 in collected2.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, collected1, fragmentName2);
        }
        foreach (var fragmentName1 in collected1.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, collected2, fragmentName1);
        }
        foreach (var fragmentName1 in collected1.FragmentNames)
        {
            foreach (var fragmentName2 in collected2.FragmentNames)
            {
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
            }
        }
        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, OrderedDictionary<string, List<FieldDetails>> groupedFields)
    {
        foreach (var (responseName, fields) in groupedFields)
        {
            for (int i = 0; i < fields.Count; i++)
            {
                for (int j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, CollectedFields collected1, CollectedFields collected2)
    {
        if (collected1.GroupedFields.Count == 0 || collected2.GroupedFields.Count == 0)
        {
            return;
        }
        foreach (var (responseName, fields1, fields2) in OverlappingFields(collected1, collected2))
        {
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private List<(string ResponseName, List<FieldDetails> Fields1, List<FieldDetails> Fields2)> OverlappingFields(
        CollectedFields collected1, CollectedFields collected2)
    {
        collected1.OverlappingFields ??= new(ReferenceEqualityComparer.Instance);
        if (collected1.OverlappingFields.TryGetValue(collected2, out var cached))
        {
            return cached;
        }
        var overlapping = new List<(string, List<FieldDetails>, List<FieldDetails>)>();
        foreach (var (responseName, fields1) in collected1.GroupedFields)
        {
            SpendComplexityBudget(1);
            if (collected2.GroupedFields.TryGetValue(responseName, out var fields2))
            {
                overlapping.Add((responseName, fields1, fields2));
            }
        }
        collected1.OverlappingFields[collected2] = overlapping;
        return overlapping;
    }

    // Whether two fields with the same response name conflict; null when they merge.
    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetails details1, FieldDetails details2)
    {
        var node1 = details1.Node;
        var node2 = details2.Node;
        // Fields of two different object types are never both in one response object, so only
        // their shapes must agree.
        bool areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(details1.ParentType, details2.ParentType)
                && details1.ParentType is GraphQLObjectType && details2.ParentType is GraphQLObjectType);
        SpendComplexityBudget(2);
        var type1 = details1.Definition?.Type;
        var type2 = details2.Definition?.Type;
        if (details1.IsSimpleLeaf && details2.IsSimpleLeaf && ReferenceEquals(type1, type2) && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }
        if (!areMutuallyExclusive)
        {
            var info1 = details1.Info;
            var info2 = details2.Info;
            if (!info1.Comparisons.TryGetValue(info2, out string? reason))
            {
                string name1 = node1.Name.Value;
                string name2 = node2.Name.Value;
                reason = name1 != name2
                    ? $"\"{Abbreviate(name1)}\" and \"{Abbreviate(name2)}\" are different fields"
                    : SameArguments(info1.Arguments, info2.Arguments) ? null : "they have differing arguments";
                info1.Comparisons[info2] = reason;
            }
            if (reason is not null)
            {
                return new Conflict(responseName, reason, [node1], [node2]);
            }
        }
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            var info1 = details1.Info;
            var info2 = details2.Info;
            info1.TypeString ??= type1.ToString();
            info2.TypeString ??= type2.ToString();
            return new Conflict(responseName, $"they return conflicting types \"{info1.TypeString}\" and \"{info2.TypeString}\"", [node1], [node2]);
        }
        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive, details1.Info.NamedType, selectionSet1, details2.Info.NamedType, selectionSet2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }
        return null;
    }

    private bool SameArguments(ArgumentInfo? arguments1, ArgumentInfo? arguments2)
    {
        if (arguments1 is null)
        {
            return arguments2 is null;
        }
        if (arguments2 is null || arguments1.Nodes.Count != arguments2.Nodes.Count)
        {
            return false;
        }
        foreach (var argument1 in arguments1.Nodes)
        {
            SpendComplexityBudget(1);
            if (!arguments2.Values.TryGetValue(argument1.Name.Value, out var value2)
                || Stringify(argument1.Value) != Stringify(value2))
            {
                return false;
            }
        }
        return true;
    }

    // A canonical text of a literal: equal texts mean equal values (object fields in name order).
    private string Stringify(ValueNode value)
    {
        if (!_stringifiedValues.TryGetValue(value, out var text))
        {
            var builder = new StringBuilder();
            Write(builder, value);
            text = builder.ToString();
            _stringifiedValues[value] = text;
        }
        return text;

        static void Write(StringBuilder builder, ValueNode value)
        {
            switch (value)
            {
                case VariableNode variable:
                    builder.Append("$").Append(JsonSerializer.Serialize(variable.Name.Value));
                    break;
                case ObjectValueNode obj:
                    builder.Append('{');
                    foreach (var field in obj.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal))
                    {
                        builder.Append(JsonSerializer.Serialize(field.Name.Value)).Append(':');
                        Write(builder, field.Value);
                        builder.Append(',');
                    }
                    builder.Append('}');
                    break;
                case ListValueNode list:
                    builder.Append('[');
                    foreach (var item in list.Values)
                    {
                        Write(builder, item);
                        builder.Append(',');
                    }
                    builder.Append(']');
                    break;
                case StringValueNode s:
                    builder.Append(s.Block ? "B" : "S").Append(JsonSerializer.Serialize(s.Value));
                    break;
                case IntValueNode i:
                    builder.Append("I").Append(i.Value);
                    break;
                case FloatValueNode f:
                    builder.Append("F").Append(f.Value);
                    break;
                case BooleanValueNode b:
                    builder.Append(b.Value ? "true" : "false");
                    break;
                case NullValueNode:
                    builder.Append("null");
                    break;
                case EnumValueNode e:
                    builder.Append("E").Append(e.Value);
                    break;
            }
        }
    }

    // Two types conflict when they differ in list/non-null shape or, at the leaves, are different leaf types.
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }
        SpendComplexityBudget(1);
        if (type1 is GraphQLList list1)
        {
            return type2 is not GraphQLList list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }
        if (type2 is GraphQLList)
        {
            return true;
        }
        if (type1 is GraphQLNonNull nonNull1)
        {
            return type2 is not GraphQLNonNull nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }
        if (type2 is GraphQLNonNull)
        {
            return true;
        }
        if (TypePredicates.IsLeafType(type1) || TypePredicates.IsLeafType(type2))
        {
            return !ReferenceEquals(type1, type2);
        }
        return false;
    }

    private CollectedFields CollectFields(GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        object key = parentType ?? NoType;
        if (!_collectedFields.TryGetValue(key, out var bySelectionSet))
        {
            _collectedFields[key] = bySelectionSet = new Dictionary<SelectionSetNode, CollectedFields>(ReferenceEqualityComparer.Instance);
        }
        if (bySelectionSet.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }
        var groupedFields = new OrderedDictionary<string, List<FieldDetails>>(StringComparer.Ordinal);
        var fragmentNames = new List<string>();
        CollectFieldsInto(parentType, selectionSet, groupedFields, fragmentNames);
        var result = new CollectedFields(groupedFields, fragmentNames);
        bySelectionSet[selectionSet] = result;
        return result;
    }

    private CollectedFields CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(TypeFromAst.Resolve(Context.Schema, fragment.TypeCondition), fragment.SelectionSet);

    private void CollectFieldsInto(
        GraphQLType? parentType, SelectionSetNode selectionSet, OrderedDictionary<string, List<FieldDetails>> groupedFields, List<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is GraphQLFieldsType fieldsType ? fieldsType.GetField(field.Name.Value) : null;
                    if (!groupedFields.TryGetValue(field.ResponseName, out var list))
                    {
                        groupedFields[field.ResponseName] = list = [];
                    }
                    list.Add(new FieldDetails(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragmentNames.Contains(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? TypeFromAst.Resolve(Context.Schema, condition) : parentType;
                    CollectFieldsInto(inlineType, inline.SelectionSet, groupedFields, fragmentNames);
                    break;
            }
        }
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }
        var message = new StringBuilder();
        foreach (var conflict in conflicts)
        {
            message.Append(message.Length == 0 ? "" : " and ")
                .Append($"subfields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}");
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }
        return new Conflict(
            responseName,
            Abbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, c => c.Fields1),
            CollectConflictNodes(node2, conflicts, c => c.Fields2));
    }

    // The field itself and the conflicting fields under it, at most MaxConflictNodes in all.
    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, Func<Conflict, List<FieldNode>> side)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            int remaining = MaxConflictNodes - nodes.Count;
            var fields = side(conflict);
            nodes.AddRange(fields.Skip(Math.Max(0, fields.Count - remaining)));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }
        return nodes;
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    private void SpendComplexityBudget(int cost)
    {
        _remainingComplexityBudget -= cost;
        if (_remainingComplexityBudget < 0)
        {
            throw new ValidationAbortedException();
        }
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed class CollectedFields(OrderedDictionary<string, List<FieldDetails>> groupedFields, List<string> fragmentNames)
    {
        public OrderedDictionary<string, List<FieldDetails>> GroupedFields { get; } = groupedFields;

        public List<string> FragmentNames { get; } = fragmentNames;

        // Fragment name -> whether it was compared with these fields only as mutually exclusive.
        public Dictionary<string, bool>? ComparedFragments { get; set; }

        public Dictionary<CollectedFields, List<(string, List<FieldDetails>, List<FieldDetails>)>>? OverlappingFields { get; set; }
    }

    private sealed class FieldDetails(GraphQLType? parentType, FieldNode node, GraphQLField? definition)
    {
        private FieldInfo? _info;

        public GraphQLType? ParentType { get; } = parentType;

        public FieldNode Node { get; } = node;

        public GraphQLField? Definition { get; } = definition;

        public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

        public FieldInfo Info => _info ??= new FieldInfo(
            Definition is { } d ? TypePredicates.GetNamedType(d.Type) : null,
            Node.Arguments.Count == 0 ? null : new ArgumentInfo(Node.Arguments));
    }

    private sealed class FieldInfo(GraphQLNamedType? namedType, ArgumentInfo? arguments)
    {
        public Dictionary<FieldInfo, string?> Comparisons { get; } = new(ReferenceEqualityComparer.Instance);

        public GraphQLNamedType? NamedType { get; } = namedType;

        public ArgumentInfo? Arguments { get; } = arguments;

        public string? TypeString { get; set; }
    }

    private sealed class ArgumentInfo
    {
        public ArgumentInfo(IReadOnlyList<ArgumentNode> nodes)
        {
            Nodes = nodes;
            foreach (var node in nodes)
            {
                Values[node.Name.Value] = node.Value;
            }
        }

        public IReadOnlyList<ArgumentNode> Nodes { get; }

        public Dictionary<string, ValueNode> Values { get; } = new(StringComparer.Ordinal);
    }

    // Unordered pairs of fragment names, remembering whether they were compared only as mutually exclusive.
    private sealed class PairSet
    {
        private readonly Dictionary<string, Dictionary<string, bool>> _data = new(StringComparer.Ordinal);

        public bool Has(string a, string b, bool areMutuallyExclusive) => Has1(a, b, areMutuallyExclusive) || Has1(b, a, areMutuallyExclusive);

        public void Add(string a, string b, bool areMutuallyExclusive)
        {
            if (!_data.TryGetValue(a, out var map))
            {
                _data[a] = map = new Dictionary<string, bool>(StringComparer.Ordinal);
            }
            map[b] = areMutuallyExclusive;
        }

        // A pair compared as not mutually exclusive covers both cases.
        private bool Has1(string a, string b, bool areMutuallyExclusive) =>
            _data.TryGetValue(a, out var map) && map.TryGetValue(b, out bool stored) && (areMutuallyExclusive || stored == areMutuallyExclusive);
    }
}
