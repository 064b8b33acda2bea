using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Leaf Field Selections: leaves have no selection set; objects, interfaces and unions need one.</summary>
public sealed class ScalarLeafsRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not FieldNode field || Context.Type is not { } type)
        {
            return VisitorAction.Continue;
        }
        string fieldName = field.Name.Value;
        if (TypePredicates.IsLeafType(TypePredicates.GetNamedType(type)))
        {
            if (field.SelectionSet is { } selectionSet)
            {
                Context.ReportError(
                    $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            Context.ReportError(
                $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", field);
        }
        else if (field.SelectionSet.Selections.Count == 0)
        {
            Context.ReportError($"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", field);
        }
        return VisitorAction.Continue;
    }
}
