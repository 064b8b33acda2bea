using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// Field Selections: a selected field is defined on the parent type. Suggests the types that do
/// define it (for abstract parents) or, failing that, similarly named fields.
/// </summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not FieldNode field || Context.ParentType is not { } type || Context.FieldDef is not null)
        {
            return VisitorAction.Continue;
        }
        string fieldName = field.Name.Value;
        string suggestion = Suggestions.DidYouMean(
            "to use an inline fragment on", Context.HideSuggestions ? [] : SuggestedTypeNames(type, fieldName));
        if (suggestion.Length == 0)
        {
            suggestion = Suggestions.DidYouMean(null, Context.HideSuggestions ? [] : SuggestedFieldNames(type, fieldName));
        }
        Context.ReportError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, field);
        return VisitorAction.Continue;
    }

    // Types that define the field, the most used first, interfaces before their implementations.
    private List<string> SuggestedTypeNames(GraphQLNamedType type, string fieldName)
    {
        if (type is not IGraphQLAbstractType abstractType)
        {
            return [];
        }
        var schema = Context.Schema;
        var suggested = new List<GraphQLNamedType>();
        var usageCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possibleType in schema.GetPossibleTypes(abstractType))
        {
            if (possibleType.GetField(fieldName) is null)
            {
                continue;
            }
            if (!suggested.Contains(possibleType))
            {
                suggested.Add(possibleType);
            }
            usageCount[possibleType.Name] = 1;
            foreach (var possibleInterface in possibleType.Interfaces)
            {
                if (possibleInterface.GetField(fieldName) is null)
                {
                    continue;
                }
                if (!suggested.Contains(possibleInterface))
                {
                    suggested.Add(possibleInterface);
                }
                usageCount[possibleInterface.Name] = usageCount.GetValueOrDefault(possibleInterface.Name) + 1;
            }
        }
        suggested.Sort((a, b) =>
        {
            int usageDiff = usageCount[b.Name] - usageCount[a.Name];
            if (usageDiff != 0)
            {
                return usageDiff;
            }
            if (a is GraphQLInterfaceType ia && schema.IsSubType(ia, b))
            {
                return -1;
            }
            if (b is GraphQLInterfaceType ib && schema.IsSubType(ib, a))
            {
                return 1;
            }
            return NaturalCompare.Compare(a.Name, b.Name);
        });
        return suggested.Select(t => t.Name).ToList();
    }

    private static IReadOnlyList<string> SuggestedFieldNames(GraphQLNamedType type, string fieldName) =>
        type is GraphQLFieldsType fieldsType ? Suggestions.SuggestionList(fieldName, fieldsType.Fields.Keys) : [];
}
