using System.Text.Json.Nodes;

namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>The strict OpenAPI checks of the golden documents, by API.</summary>
public static class OpenApiChecks
{
    private static OpenApiValidator V => OpenApiValidator.Instance;

    /// <summary>Each search's header against <c>MultisearchHeader</c>, its body against <c>SearchRequestBody</c>, the query string against <c>POST /_msearch</c>.</summary>
    public static IReadOnlyList<string> MultiSearch(JsonNode document)
    {
        var errors = new List<string>();
        errors.AddRange(V.UndeclaredQueryParameters(document["path"]!.GetValue<string>(), "post").Select(p => $"undeclared query parameter '{p}'"));
        var i = 0;
        foreach (var search in document["searches"]!.AsArray())
        {
            errors.AddRange(V.Validate(search!["header"], "_global.msearch.MultisearchHeader").Select(e => $"search {i} header {e}"));
            errors.AddRange(V.Validate(search["body"], "_global.search._types.SearchRequestBody").Select(e => $"search {i} body {e}"));
            i++;
        }
        return errors;
    }

    /// <summary>Each action line against <c>OperationContainer</c> (only <c>create</c> is expected), the query string against <c>POST /_bulk</c>.</summary>
    public static IReadOnlyList<string> Bulk(JsonNode document)
    {
        var errors = new List<string>();
        errors.AddRange(V.UndeclaredQueryParameters(document["path"]!.GetValue<string>(), "post").Select(p => $"undeclared query parameter '{p}'"));
        var i = 0;
        foreach (var item in document["items"]!.AsArray())
        {
            errors.AddRange(V.Validate(item!["action"], "_global.bulk.OperationContainer").Select(e => $"item {i} action {e}"));
            i++;
        }
        return errors;
    }

    /// <summary>The body against <c>PUT /_index_template/{name}</c>'s request schema.</summary>
    public static IReadOnlyList<string> IndexTemplate(JsonNode body) => V.ValidateRequestBody("/_index_template/{name}", "put", body);
}
