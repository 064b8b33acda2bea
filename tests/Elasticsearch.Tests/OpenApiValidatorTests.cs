using System.Text.Json.Nodes;
using GraphReports.Elasticsearch.Tests.Support;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>The strict check refuses what a cluster would refuse (or silently ignore): it is what makes the golden checks able to fail.</summary>
public sealed class OpenApiValidatorTests
{
    private static IReadOnlyList<string> Body(string json) => OpenApiValidator.Instance.Validate(JsonNode.Parse(json), "_global.search._types.SearchRequestBody");

    [Fact]
    public void A_valid_search_body_passes()
    {
        Assert.Empty(Body("""{"size":0,"query":{"bool":{"filter":[{"term":{"user":{"value":"a"}}},{"terms":{"type":["search","upload"]}}]}},"aggregations":{"m":{"cardinality":{"field":"user","precision_threshold":40000}}}}"""));
    }

    [Theory]
    [InlineData("""{"size":0,"aggregations":{"m":{"cardinality":{"field":"user","precision_treshold":40000}}}}""", "unknown property 'precision_treshold'")]
    [InlineData("""{"sise":0}""", "unknown property 'sise'")]
    [InlineData("""{"size":"zero"}""", "\"zero\" where number is expected")]
    [InlineData("""{"aggregations":{"h":{"date_histogram":{"field":"timestamp","calender_interval":"month"}}}}""", "unknown property 'calender_interval'")]
    [InlineData("""{"query":{"term":{"user":{"value":"a"}},"match_all":{}}}""", "at most 1 properties")]
    [InlineData("""{"query":{"terms":{"type":"search"}}}""", "takes an array of values")]
    [InlineData("""{"query":{"terms":{"type":["a"],"user":["b"]}}}""", "exactly one field expected")]
    [InlineData("""{"aggregations":{"t":{"terms":{"field":"user","order":[{"_count":"downward"}]}}}}""", "is not one of")]
    [InlineData("""{"aggregations":{"t":{"top_hits":{"sort":[{"timestamp":{"oder":"desc"}}]}}}}""", "unknown property 'oder'")]
    public void A_misspelt_or_misplaced_key_fails(string json, string expected)
    {
        var errors = Body(json);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_undeclared_query_parameter_is_reported()
    {
        Assert.Empty(OpenApiValidator.Instance.UndeclaredQueryParameters("/_msearch?typed_keys=true", "post"));
        Assert.Equal(["typed_key"], OpenApiValidator.Instance.UndeclaredQueryParameters("/_msearch?typed_key=true", "post"));
        Assert.Equal("/_index_template/{name}", OpenApiValidator.Instance.OperationPath("/_index_template/gr-events"));
    }
}
