using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Lone Anonymous Operation: an anonymous operation must be the document's only operation.</summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationVisitor(context)
{
    private int _operationCount;

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case DocumentNode document:
                _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
                break;
            case OperationDefinitionNode { Name: null } operation when _operationCount > 1:
                Context.ReportError("This anonymous operation must be the only defined operation.", operation);
                break;
        }
        return VisitorAction.Continue;
    }
}
