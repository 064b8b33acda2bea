using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>All Variables Used: every variable an operation defines is used by it or its fragments.</summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly List<VariableDefinitionNode> _definitions = [];

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                _definitions.Clear();
                break;
            case VariableDefinitionNode definition:
                _definitions.Add(definition);
                break;
        }
        return VisitorAction.Continue;
    }

    public override VisitorAction Leave(Node node, Visitor path)
    {
        if (node is OperationDefinitionNode operation)
        {
            var used = Context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in _definitions)
            {
                string name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    Context.ReportError(
                        operation.Name is { } operationName
                            ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is never used.",
                        definition);
                }
            }
        }
        return VisitorAction.Continue;
    }
}
