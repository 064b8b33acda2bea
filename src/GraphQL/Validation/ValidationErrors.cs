using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation;

/// <summary>Builds validation errors located at the nodes they are about (graphql-js's <c>nodes</c> option).</summary>
public static class ValidationErrors
{
    /// <summary>An error located at the start of each node that has a location.</summary>
    public static GraphQLError At(string message, params IReadOnlyList<Node> nodes)
    {
        var locations = new List<SourceLocation>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.Location is { } location)
            {
                locations.Add(location.StartLocation);
            }
        }
        return new GraphQLError(message, locations);
    }
}
