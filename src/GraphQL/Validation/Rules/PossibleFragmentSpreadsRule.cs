using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Is Possible: some object type could be both the fragment's type and the parent type.</summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (Context.Type is GraphQLNamedType fragmentType && TypePredicates.IsCompositeType(fragmentType)
                    && Context.ParentType is { } parentType && TypePredicates.IsCompositeType(parentType)
                    && !TypePredicates.DoTypesOverlap(Context.Schema, fragmentType, parentType))
                {
                    Context.ReportError(
                        $"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".",
                        inline);
                }
                break;
            case FragmentSpreadNode spread:
                if (FragmentType(spread.Name.Value) is { } spreadType
                    && Context.ParentType is { } spreadParent
                    && !TypePredicates.DoTypesOverlap(Context.Schema, spreadType, spreadParent))
                {
                    Context.ReportError(
                        $"Fragment \"{spread.Name.Value}\" cannot be spread here as objects of type \"{spreadParent}\" can never be of type \"{spreadType}\".",
                        spread);
                }
                break;
        }
        return VisitorAction.Continue;
    }

    private GraphQLNamedType? FragmentType(string name) =>
        Context.GetFragment(name) is { } fragment
        && TypeFromAst.Resolve(Context.Schema, fragment.TypeCondition) is GraphQLNamedType type
        && TypePredicates.IsCompositeType(type)
            ? type
            : null;
}
