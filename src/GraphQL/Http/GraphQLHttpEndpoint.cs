using System.Text.Json;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// One mapped GraphQL endpoint: answers <c>{path}</c> (GraphQL over HTTP, and the SDL at <c>?sdl</c>),
/// <c>{path}/schema.graphql</c> (the SDL) and, when enabled, the IDE under <c>{path}/</c>.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IRequestExecutor executor, Func<string>? schemaDefinition, GraphQLHttpOptions options, PathString path)
{
    private readonly BananaCakePopFiles? _ide = options.Ide.Enabled ? new BananaCakePopFiles(options.Ide) : null;
    private readonly Lazy<string>? _sdl = schemaDefinition is null ? null : new(schemaDefinition);

    public Task HandleAsync(HttpContext context)
    {
        context.Request.Path.StartsWithSegments(path, out var rest);
        var subPath = rest.Value ?? "";
        if (subPath.Length == 0 || subPath == "/")
        {
            // "/graphql/" is the IDE's own address and also its GraphQL endpoint (it posts to the browser URL).
            var isIdeAddress = subPath == "/";
            return HandleGraphQLAsync(context, isIdeAddress);
        }
        if (subPath == "/schema.graphql" && options.EnableSchemaDefinition)
            return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? WriteSchemaDefinitionAsync(context)
                : MethodNotAllowedAsync(context, "GET, HEAD");
        if (_ide is not null)
            return _ide.ServeAsync(context, subPath, isIndex: false);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task HandleGraphQLAsync(HttpContext context, bool isIdeAddress)
    {
        var http = context.Request;
        var isGet = HttpMethods.IsGet(http.Method);
        if (isGet && !http.Query.ContainsKey("query"))
        {
            if (http.Query.ContainsKey("sdl") && options.EnableSchemaDefinition)
            {
                await WriteSchemaDefinitionAsync(context);
                return;
            }
            if (_ide is not null && (isIdeAddress || ResponseMediaTypeSelector.AcceptsHtml(http.Headers.Accept)))
            {
                if (isIdeAddress)
                    await _ide.ServeAsync(context, "/", isIndex: true);
                else
                    RedirectToIde(context);
                return;
            }
        }

        var mediaType = ResponseMediaTypeSelector.Select(http.Headers.Accept);
        if (mediaType is null)
        {
            await WriteProblemAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status406NotAcceptable,
                "The Accept header allows neither application/graphql-response+json nor application/json."));
            return;
        }

        (GraphQLRequest? Request, HttpRequestProblem? Problem) read;
        if (isGet && options.EnableGetRequests)
            read = GraphQLRequestReader.ReadGet(http.Query);
        else if (HttpMethods.IsPost(http.Method))
        {
            // Kestrel's own limit (30 MB by default) would answer first with an empty 413: align it with ours.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = options.MaxRequestBodySize;
            read = await GraphQLRequestReader.ReadPostAsync(http, options.MaxRequestBodySize, context.RequestAborted);
        }
        else
        {
            await MethodNotAllowedAsync(context, options.EnableGetRequests ? "GET, POST" : "POST");
            return;
        }
        if (read.Problem is { } problem)
        {
            await WriteProblemAsync(context, mediaType, problem);
            return;
        }

        var request = read.Request! with { QueriesOnly = isGet, Services = context.RequestServices };
        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(request, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // The client went away: nobody is left to answer.
        }
        catch (Exception exception)
        {
            // The engine turns resolver failures into field errors; reaching here is a bug, never shown to the client.
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<GraphQLHttpEndpoint>()
                .LogError(exception, "The GraphQL engine failed on a request");
            await WriteProblemAsync(context, mediaType, new(StatusCodes.Status500InternalServerError,
                "The server failed to execute the request."));
            return;
        }
        var response = context.Response;
        response.StatusCode = GraphQLStatusCodes.For(result.Outcome, mediaType);
        if (result.Outcome == RequestOutcome.OperationNotAllowed)
            response.Headers.Allow = "POST";
        await WriteJsonAsync(response, mediaType, writer => ExecutionResultJsonWriter.Write(writer, result));
    }

    private void RedirectToIde(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = context.Request.PathBase.Add(path).Value + "/";
    }

    private async Task WriteSchemaDefinitionAsync(HttpContext context)
    {
        if (_sdl is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = GraphQLMediaTypes.SchemaDefinitionUtf8;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.WriteAsync(_sdl.Value, context.RequestAborted);
    }

    private static Task MethodNotAllowedAsync(HttpContext context, string allow)
    {
        context.Response.Headers.Allow = allow;
        return WriteProblemAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status405MethodNotAllowed,
            $"The method {context.Request.Method} is not allowed here; use {allow}."));
    }

    private static Task WriteProblemAsync(HttpContext context, string mediaType, HttpRequestProblem problem)
    {
        context.Response.StatusCode = problem.StatusCode;
        return WriteJsonAsync(context.Response, mediaType, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("errors"u8);
            writer.WriteStartArray();
            ExecutionResultJsonWriter.WriteError(writer, new GraphQLError(problem.Message));
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task WriteJsonAsync(HttpResponse response, string mediaType, Action<Utf8JsonWriter> write)
    {
        response.ContentType = mediaType == GraphQLMediaTypes.GraphQLResponseJson
            ? GraphQLMediaTypes.GraphQLResponseJsonUtf8
            : GraphQLMediaTypes.JsonUtf8;
        response.Headers.Vary = HeaderNames.Accept;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, ExecutionResultJsonWriter.ResponseOptions))
            write(writer);
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
    }
}
