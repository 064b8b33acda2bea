using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragments On Composite Types: fragments condition only on objects, interfaces and unions.</summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition }:
                if (TypeFromAst.Resolve(Context.Schema, condition) is { } type && !TypePredicates.IsCompositeType(type))
                {
                    Context.ReportError($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition);
                }
                break;
            case FragmentDefinitionNode fragment:
                if (TypeFromAst.Resolve(Context.Schema, fragment.TypeCondition) is { } fragmentType && !TypePredicates.IsCompositeType(fragmentType))
                {
                    Context.ReportError(
                        $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{Printer.Print(fragment.TypeCondition)}\".",
                        fragment.TypeCondition);
                }
                break;
        }
        return VisitorAction.Continue;
    }
}
