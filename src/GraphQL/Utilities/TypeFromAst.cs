using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Utilities;

/// <summary>The schema type a type reference of a document denotes (graphql-js's <c>typeFromAST</c>); null when a name is unknown.</summary>
public static class TypeFromAst
{
    public static GraphQLType? Resolve(GraphQLSchema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => Resolve(schema, list.Type) is { } inner ? new GraphQLList(inner) : null,
        NonNullTypeNode nonNull => Resolve(schema, nonNull.Type) is { } inner && inner is not GraphQLNonNull ? new GraphQLNonNull(inner) : null,
        _ => null,
    };
}
