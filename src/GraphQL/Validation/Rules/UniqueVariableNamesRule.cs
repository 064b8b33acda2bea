using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Variable Uniqueness: an operation defines each variable name once.</summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is OperationDefinitionNode operation)
        {
            foreach (var group in operation.VariableDefinitions.GroupBy(d => d.Variable.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    Context.ReportError(
                        $"There can be only one variable named \"${group.Key}\".",
                        group.Select(d => (Node)d.Variable.Name).ToArray());
                }
            }
        }
        return VisitorAction.Continue;
    }
}
