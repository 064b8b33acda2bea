using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GraphReports.GraphQL.Http;

/// <summary>Maps a GraphQL-over-HTTP endpoint (with SDL and the Banana Cake Pop IDE) in ASP.NET Core routing.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="schema"/> at <paramref name="path"/> with a <see cref="RequestExecutor"/> of default
    /// <see cref="RequestExecutorOptions"/>: GraphQL over HTTP, the SDL and the IDE (see the overload taking an executor).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string path, GraphQLSchema schema, Action<GraphQLHttpOptions>? configure = null) =>
        endpoints.MapGraphQL(path, new RequestExecutor(schema), configure);

    /// <summary>
    /// Serves the schema of <paramref name="executor"/> at <paramref name="path"/>, its SDL printed by
    /// <see cref="SchemaPrinter"/>: use this overload to choose the engine's options (timeout, limits, introspection).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string path, RequestExecutor executor, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        return endpoints.MapGraphQL(path, executor, () => SchemaPrinter.Print(executor.Schema), configure);
    }

    /// <summary>
    /// Answers GraphQL requests at <paramref name="path"/> (POST application/json; GET for queries), the
    /// schema's SDL at <c>{path}?sdl</c> and <c>{path}/schema.graphql</c>, and the IDE at <c>{path}/</c>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="path">Where the endpoint lives, for example <c>"/graphql"</c>.</param>
    /// <param name="executor">Runs each request against the schema.</param>
    /// <param name="schemaDefinition">Prints the schema's SDL (called once, on the first request for it); null serves no SDL.</param>
    /// <param name="configure">Changes <see cref="GraphQLHttpOptions"/> from their defaults.</param>
    /// <returns>A builder to add conventions (authorization, CORS...) to every route of the endpoint.</returns>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string path,
        IRequestExecutor executor,
        Func<string>? schemaDefinition,
        Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(executor);
        if (string.IsNullOrEmpty(path) || path[0] != '/' || (path.Length > 1 && path[^1] == '/'))
            throw new ArgumentException($"The path must start with '/' and not end with one: '{path}'.", nameof(path));

        var options = new GraphQLHttpOptions();
        configure?.Invoke(options);
        var endpoint = new GraphQLHttpEndpoint(executor, schemaDefinition, options, new PathString(path));
        // One catch-all route: "{path}", "{path}/", "{path}/schema.graphql" and the IDE's files are told apart by the handler.
        var pattern = path == "/" ? "/{**graphqlSubPath}" : path + "/{**graphqlSubPath}";
        return endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("GraphQL " + path);
    }
}
