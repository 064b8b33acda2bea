using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// Chooses the response media type from the <c>Accept</c> header, with quality values. A missing header
/// means application/json (legacy clients). A wildcard (<c>*/*</c>, <c>application/*</c>) also yields
/// application/json, which every client understands; application/graphql-response+json is chosen when
/// the client names it and ranks it at least as high as application/json.
/// </summary>
internal static class ResponseMediaTypeSelector
{
    /// <summary>The chosen type, or null when the client accepts neither (406).</summary>
    public static string? Select(StringValues acceptHeaders)
    {
        if (StringValues.IsNullOrEmpty(acceptHeaders))
            return GraphQLMediaTypes.Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var ranges) || ranges.Count == 0)
            return GraphQLMediaTypes.Json;

        var graphQL = QualityOf(ranges, "application", "graphql-response+json");
        var json = QualityOf(ranges, "application", "json");
        if (graphQL.Quality > 0 && graphQL.Exact && graphQL.Quality >= json.Quality)
            return GraphQLMediaTypes.GraphQLResponseJson;
        if (json.Quality > 0)
            return GraphQLMediaTypes.Json;
        return graphQL.Quality > 0 ? GraphQLMediaTypes.GraphQLResponseJson : null;
    }

    /// <summary>Whether a browser asks for HTML (navigations send text/html first).</summary>
    public static bool AcceptsHtml(StringValues acceptHeaders)
    {
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var ranges))
            return false;
        return ranges.Any(r => r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                               && (r.Quality ?? 1) > 0);
    }

    // The most specific range that matches decides the quality (RFC 9110, 12.5.1).
    private static (double Quality, bool Exact) QualityOf(IList<MediaTypeHeaderValue> ranges, string type, string subType)
    {
        var bestSpecificity = -1;
        var quality = 0d;
        foreach (var range in ranges)
        {
            if (!CharsetIsUtf8(range))
                continue;
            var rangeType = range.Type.Value ?? "";
            var rangeSubType = range.SubType.Value ?? "";
            int specificity;
            if (rangeType == "*" && rangeSubType == "*")
                specificity = 0;
            else if (rangeType.Equals(type, StringComparison.OrdinalIgnoreCase) && rangeSubType == "*")
                specificity = 1;
            else if (rangeType.Equals(type, StringComparison.OrdinalIgnoreCase)
                     && rangeSubType.Equals(subType, StringComparison.OrdinalIgnoreCase))
                specificity = 2;
            else
                continue;
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1;
            }
        }
        return (quality, bestSpecificity == 2);
    }

    private static bool CharsetIsUtf8(MediaTypeHeaderValue range) =>
        !range.Charset.HasValue || range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
