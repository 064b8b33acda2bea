using System.Buffers;
using System.Text.Json;
using GraphReports.GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// Turns an HTTP request into a <see cref="GraphQLRequest"/>: a POST's <c>application/json</c> body or a
/// GET's URL parameters (<c>query</c>, <c>operationName</c>, and <c>variables</c> / <c>extensions</c> as
/// JSON text). Anything malformed becomes an <see cref="HttpRequestProblem"/> with a message saying what.
/// </summary>
internal static class GraphQLRequestReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async ValueTask<(GraphQLRequest? Request, HttpRequestProblem? Problem)> ReadPostAsync(
        HttpRequest http, long maxBodySize, CancellationToken cancellationToken)
    {
        if (ContentTypeProblem(http.ContentType) is { } contentTypeProblem)
            return (null, contentTypeProblem);
        if (http.ContentLength > maxBodySize)
            return (null, TooLarge(maxBodySize));

        PooledBytes? body;
        try
        {
            body = await ReadBodyAsync(http.Body, maxBodySize, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null; // Kestrel enforced the same limit first.
        }
        if (body is null)
            return (null, TooLarge(maxBodySize));
        try
        {
            var bytes = body.Value.Memory.Span;
            if (bytes.StartsWith(Utf8Bom))
                bytes = bytes[Utf8Bom.Length..];
            if (bytes.IsEmpty)
                return (null, HttpRequestProblem.BadRequest("The request body is empty: expected a JSON object with a 'query' string."));
            return ParseBody(bytes);
        }
        finally
        {
            body.Value.Return();
        }
    }

    public static (GraphQLRequest? Request, HttpRequestProblem? Problem) ReadGet(IQueryCollection query)
    {
        string? Single(string name, out HttpRequestProblem? problem)
        {
            problem = null;
            if (!query.TryGetValue(name, out var values))
                return null;
            if (values.Count > 1)
                problem = HttpRequestProblem.BadRequest($"The '{name}' parameter is given more than once.");
            return values[0];
        }

        var text = Single("query", out var problem);
        if (problem is not null) return (null, problem);
        if (text is null)
            return (null, HttpRequestProblem.BadRequest("The 'query' parameter is required: a GraphQL document as text."));
        var operationName = Single("operationName", out problem);
        if (problem is not null) return (null, problem);
        var variables = ParseJsonObjectParameter(Single("variables", out problem), "variables", ref problem);
        if (problem is not null) return (null, problem);
        var extensions = ParseJsonObjectParameter(Single("extensions", out problem), "extensions", ref problem);
        if (problem is not null) return (null, problem);
        return (new GraphQLRequest(text, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    private static HttpRequestProblem? ContentTypeProblem(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return new(StatusCodes.Status415UnsupportedMediaType,
                "The Content-Type header is missing: a POST body must be application/json.");
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            return new(StatusCodes.Status415UnsupportedMediaType,
                $"The Content-Type '{contentType}' is not supported: a POST body must be application/json.");
        if (parsed.Charset.HasValue && !parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return new(StatusCodes.Status415UnsupportedMediaType,
                $"The charset '{parsed.Charset}' is not supported: a request body must be UTF-8.");
        return null;
    }

    private static HttpRequestProblem TooLarge(long maxBodySize) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBodySize} bytes.");

    /// <summary>Reads the whole body into a pooled buffer; null when it exceeds the limit.</summary>
    private static async ValueTask<PooledBytes?> ReadBodyAsync(Stream stream, long maxBodySize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    return new PooledBytes(buffer, length);
                length += read;
                if (length > maxBodySize)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static (GraphQLRequest? Request, HttpRequestProblem? Problem) ParseBody(ReadOnlySpan<byte> json)
    {
        string? query = null, operationName = null;
        JsonElement? variables = null, extensions = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return (null, HttpRequestProblem.BadRequest("The request body must be a JSON object with a 'query' string."));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("query"u8))
                {
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                        return (null, WrongType("query", "a string", reader.TokenType));
                    query = reader.GetString();
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                        return (null, WrongType("operationName", "a string or null", reader.TokenType));
                    operationName = reader.GetString();
                }
                else if (reader.ValueTextEquals("variables"u8) || reader.ValueTextEquals("extensions"u8))
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                        return (null, WrongType(name, "an object or null", reader.TokenType));
                    JsonElement? value = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
                    if (name == "variables") variables = value; else extensions = value;
                }
                else
                {
                    // Other members (for example a persisted-query hash) are not ours to judge.
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return (null, HttpRequestProblem.BadRequest("The request body is not a single JSON object."));
        }
        catch (JsonException e)
        {
            return (null, HttpRequestProblem.BadRequest($"The request body is not valid JSON: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports invalid UTF-8 inside strings this way.
            return (null, HttpRequestProblem.BadRequest($"The request body is not valid UTF-8 JSON: {e.Message}"));
        }
        if (query is null)
            return (null, HttpRequestProblem.BadRequest("The 'query' parameter is required: a GraphQL document as a string."));
        return (new GraphQLRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    private static JsonElement? ParseJsonObjectParameter(string? text, string name, ref HttpRequestProblem? problem)
    {
        if (problem is not null || string.IsNullOrEmpty(text))
            return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
                return null;
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = HttpRequestProblem.BadRequest($"The '{name}' parameter must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
                return null;
            }
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problem = HttpRequestProblem.BadRequest($"The '{name}' parameter is not valid JSON: {e.Message}");
            return null;
        }
    }

    private static HttpRequestProblem WrongType(string name, string expected, JsonTokenType actual) =>
        HttpRequestProblem.BadRequest($"The '{name}' parameter must be {expected}, not {Describe(actual)}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private readonly record struct PooledBytes(byte[] Array, int Length)
    {
        public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);
        public void Return() => ArrayPool<byte>.Shared.Return(Array);
    }
}
