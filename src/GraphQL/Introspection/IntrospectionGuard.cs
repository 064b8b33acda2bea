using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Introspection;

/// <summary>
/// When introspection is switched off, refuses every document that selects <c>__schema</c> or <c>__type</c>
/// (anywhere, fragments included) with a validation error; <c>__typename</c> stays allowed.
/// </summary>
public static class IntrospectionGuard
{
    public static IReadOnlyList<GraphQLError> Check(DocumentNode document)
    {
        var errors = new List<GraphQLError>();
        Visitor.Visit(document, new Finder(errors));
        return errors;
    }

    private sealed class Finder(List<GraphQLError> errors) : IAstVisitor
    {
        public VisitorAction Enter(Node node, Visitor path)
        {
            if (node is FieldNode { Name.Value: "__schema" or "__type" } field)
            {
                errors.Add(new GraphQLError(
                    $"Introspection is disabled, but the query selects \"{field.Name.Value}\".",
                    field.Location is { } location ? [location.StartLocation] : null,
                    extensions: new Dictionary<string, object?> { ["code"] = "INTROSPECTION_DISABLED" }));
            }

            return VisitorAction.Continue;
        }

        public VisitorAction Leave(Node node, Visitor path) => VisitorAction.Continue;
    }
}
