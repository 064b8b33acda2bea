using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Target Defined: every spread names a fragment of the document.</summary>
public sealed class KnownFragmentNamesRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is FragmentSpreadNode spread && Context.GetFragment(spread.Name.Value) is null)
        {
            Context.ReportError($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);
        }
        return VisitorAction.Continue;
    }
}
