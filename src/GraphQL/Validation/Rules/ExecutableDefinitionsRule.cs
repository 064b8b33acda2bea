using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// Executable Definitions: a document sent for execution holds only operations and fragments;
/// schema and type definitions are reported.
/// </summary>
public sealed class ExecutableDefinitionsRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is DocumentNode document)
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is ExecutableDefinitionNode)
                {
                    continue;
                }
                string name = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    TypeDefinitionNode type => "\"" + type.Name.Value + "\"",
                    TypeExtensionNode extension => "\"" + extension.Name.Value + "\"",
                    DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                    _ => "\"?\"",
                };
                Context.ReportError($"The {name} definition is not executable.", definition);
            }
        }
        return VisitorAction.Skip;
    }
}
