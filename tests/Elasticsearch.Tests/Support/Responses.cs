namespace GraphReports.Elasticsearch.Tests.Support;

/// <summary>Small answers built in code (the documented shapes are in Fixtures/).</summary>
public static class Responses
{
    /// <summary>An <c>_msearch</c> answer whose every item is a 404 error: enough for the client to return, for tests that look only at the request.</summary>
    public static string MultiSearchOfErrors(int count) =>
        "{\"took\":1,\"responses\":[" + string.Join(",", Enumerable.Repeat(
            "{\"error\":{\"root_cause\":[{\"type\":\"index_not_found_exception\",\"reason\":\"no such index [gr-events]\"}],\"type\":\"index_not_found_exception\",\"reason\":\"no such index [gr-events]\"},\"status\":404}", count)) + "]}";
}
