using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Variables Are Input Types: a variable's type is a scalar, enum or input object (possibly wrapped).</summary>
public sealed class VariablesAreInputTypesRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is VariableDefinitionNode definition
            && TypeFromAst.Resolve(Context.Schema, definition.Type) is { } type
            && !TypePredicates.IsInputType(type))
        {
            Context.ReportError(
                $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(definition.Type)}\".",
                definition.Type);
        }
        return VisitorAction.Continue;
    }
}
