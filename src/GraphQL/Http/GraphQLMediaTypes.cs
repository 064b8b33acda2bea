namespace GraphReports.GraphQL.Http;

/// <summary>The media types of the GraphQL-over-HTTP specification.</summary>
public static class GraphQLMediaTypes
{
    /// <summary>The specification's response type: request errors then answer 4xx.</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy response type (and the only request body type): every GraphQL response answers 200.</summary>
    public const string Json = "application/json";

    internal const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";
    internal const string JsonUtf8 = Json + "; charset=utf-8";
    internal const string SchemaDefinitionUtf8 = "text/plain; charset=utf-8";
}
