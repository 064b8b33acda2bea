using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>All Variable Uses Defined: every variable an operation uses (also through fragments) is defined by it.</summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                _defined.Clear();
                break;
            case VariableDefinitionNode definition:
                _defined.Add(definition.Variable.Name.Value);
                break;
        }
        return VisitorAction.Continue;
    }

    public override VisitorAction Leave(Node node, Visitor path)
    {
        if (node is OperationDefinitionNode operation)
        {
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                string name = usage.Node.Name.Value;
                if (!_defined.Contains(name))
                {
                    Context.ReportError(
                        operation.Name is { } operationName
                            ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is not defined.",
                        usage.Node, operation);
                }
            }
        }
        return VisitorAction.Continue;
    }
}
