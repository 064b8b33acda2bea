using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Execution;

/// <summary>The specification's GetOperation: which operation of a document to run, with graphql-js's messages.</summary>
public static class OperationSelector
{
    public static OperationDefinitionNode Select(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? selected = null;
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            if (operationName is null)
            {
                if (selected is not null)
                {
                    throw new GraphQLError("Must provide operation name if query contains multiple operations.");
                }

                selected = operation;
            }
            else if (operation.Name?.Value == operationName)
            {
                selected = operation;
            }
        }

        return selected ?? throw new GraphQLError(operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".");
    }
}
