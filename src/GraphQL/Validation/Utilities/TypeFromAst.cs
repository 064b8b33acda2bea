using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Validation.Utilities;

/// <summary>Resolves a type reference of a document (<c>[Int!]</c>) against a schema (graphql-js's <c>typeFromAST</c>).</summary>
public static class TypeFromAst
{
    /// <summary>The schema type the reference denotes; null when its named type is not in the schema.</summary>
    public static GraphQLType? Get(GraphQLSchema schema, TypeNode typeNode) => typeNode switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => Get(schema, list.Type) is { } item ? new GraphQLList(item) : null,
        NonNullTypeNode nonNull => Get(schema, nonNull.Type) is { } inner ? new GraphQLNonNull(inner) : null,
        _ => null,
    };
}
