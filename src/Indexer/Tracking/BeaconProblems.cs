namespace GraphReports.Indexer.Tracking;

/// <summary>The error answers of the beacon endpoint: RFC 9457 problem documents with a stable <c>code</c>.</summary>
internal static class BeaconProblems
{
    public static IResult Create(int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
