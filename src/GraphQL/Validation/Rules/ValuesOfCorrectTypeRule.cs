using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type: every literal can be coerced to the type of its position: leaves as
/// their scalar or enum accepts them, input objects with their required fields and only known
/// fields, <c>@oneOf</c> input objects with exactly one non-null field, no null where non-null is expected.
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case ListValueNode list:
                var parentType = Context.ParentInputType is { } p ? TypePredicates.GetNullableType(p) : null;
                if (parentType is not GraphQLList)
                {
                    CheckLeafValue(list);
                    return VisitorAction.Skip;
                }
                break;
            case ObjectValueNode objectValue:
                if (TypePredicates.GetNamedTypeOrNull(Context.InputType) is not GraphQLInputObjectType inputObject)
                {
                    CheckLeafValue(objectValue);
                    return VisitorAction.Skip;
                }
                CheckInputObject(objectValue, inputObject);
                break;
            case ObjectFieldNode field:
                if (Context.InputType is null && TypePredicates.GetNamedTypeOrNull(Context.ParentInputType) is GraphQLInputObjectType parentObject)
                {
                    var suggestions = Context.HideSuggestions ? [] : Suggestions.SuggestionList(field.Name.Value, parentObject.Fields.Keys);
                    Context.ReportError(
                        $"Field \"{field.Name.Value}\" is not defined by type \"{parentObject.Name}\"." + Suggestions.DidYouMean(null, suggestions),
                        field);
                }
                break;
            case NullValueNode nullValue:
                if (Context.InputType is GraphQLNonNull nonNull)
                {
                    Context.ReportError($"Expected value of type \"{nonNull}\", found null.", nullValue);
                }
                break;
            case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                CheckLeafValue((ValueNode)node);
                break;
        }
        return VisitorAction.Continue;
    }

    private void CheckInputObject(ObjectValueNode node, GraphQLInputObjectType type)
    {
        var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            given[field.Name.Value] = field; // the last of duplicates, as graphql-js's keyMap
        }
        foreach (var fieldDef in type.Fields.Values)
        {
            if (!given.ContainsKey(fieldDef.Name) && fieldDef.IsRequired)
            {
                Context.ReportError($"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", node);
            }
        }
        if (type.IsOneOf)
        {
            if (given.Count != 1)
            {
                Context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
                return;
            }
            var only = given.First();
            if (only.Value.Value is NullValueNode)
            {
                Context.ReportError($"Field \"{type.Name}.{only.Key}\" must be non-null.", node);
            }
        }
    }

    // Scalars and enums decide themselves which literals they accept.
    private void CheckLeafValue(ValueNode node)
    {
        if (Context.InputType is not { } locationType)
        {
            return;
        }
        var type = TypePredicates.GetNamedType(locationType);
        try
        {
            switch (type)
            {
                case GraphQLScalarType scalar:
                    scalar.ParseLiteral(node, null);
                    break;
                case GraphQLEnumType enumType:
                    enumType.ParseLiteral(node, null);
                    break;
                default:
                    Context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                    break;
            }
        }
        catch (GraphQLError error)
        {
            // The literal parsers' errors are reported as they are, located at the literal.
            Context.ReportError(error.Locations.Count > 0 ? error : ValidationErrors.At(error.Message, node));
        }
        catch (Exception error)
        {
            // A custom scalar's parser may throw anything; graphql-js words it this way.
            Context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {error.Message}", node);
        }
    }
}
