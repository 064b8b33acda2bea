using System.Text.Json.Nodes;
using GraphReports.Elasticsearch.Tests.Support;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>
/// For every figure of the catalogue, the exact <c>_msearch</c> the official client sends (captured
/// through the transport's in-memory invoker, uncompressed, canonical JSON) equals its checked-in golden
/// file, and every golden request passes the strict OpenAPI check.
/// </summary>
public sealed class GoldenRequestTests
{
    public static TheoryData<string> Figures => new(Catalogue.Entries.Keys);

    [Theory, MemberData(nameof(Figures))]
    public async Task The_request_of_a_figure_is_its_golden_file(string figure)
    {
        var queries = Catalogue.Entries[figure];
        using var cluster = new FakeCluster();
        var distinct = queries.DistinctBy(q => q.CacheKey).Count();
        cluster.Answer(200, Responses.MultiSearchOfErrors(distinct));
        await cluster.Store().Reports.ExecuteAsync(queries);

        var request = Assert.Single(cluster.Requests);
        Assert.Equal(("POST", "/_msearch?typed_keys=true"), (request.Method, request.PathAndQuery));
        var lines = CanonicalJson.Lines(request.Body);
        Assert.Equal(2 * distinct, lines.Count);
        Golden.AssertMatches(figure + ".json", CanonicalJson.Write(MultiSearchDocument(request, lines)));
    }

    [Theory, MemberData(nameof(Figures))]
    public void The_golden_request_of_a_figure_passes_the_strict_OpenAPI_check(string figure)
    {
        var document = JsonNode.Parse(File.ReadAllText(Golden.PathOf(figure + ".json")))!;
        var errors = OpenApiChecks.MultiSearch(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The golden form of an <c>_msearch</c>: method, path, and each search as its header and body.</summary>
    internal static JsonObject MultiSearchDocument(RecordedRequest request, IReadOnlyList<JsonNode> lines) => new()
    {
        ["method"] = request.Method,
        ["path"] = request.PathAndQuery,
        ["searches"] = new JsonArray(lines.Chunk(2).Select(pair => (JsonNode)new JsonObject { ["header"] = pair[0].DeepClone(), ["body"] = pair[1].DeepClone() }).ToArray()),
    };
}
