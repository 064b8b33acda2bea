using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation;

/// <summary>
/// Directive definitions written in the validated document itself. graphql-js lets them override
/// the schema's directives of the same name in the directive rules; most documents have none, so
/// the rules ask the schema directly and consult this only when it is not empty.
/// </summary>
internal static class DocumentDirectives
{
    public static Dictionary<string, DirectiveDefinitionNode>? Of(DocumentNode document)
    {
        Dictionary<string, DirectiveDefinitionNode>? definitions = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                (definitions ??= new Dictionary<string, DirectiveDefinitionNode>(StringComparer.Ordinal))[directive.Name.Value] = directive;
            }
        }
        return definitions;
    }
}
