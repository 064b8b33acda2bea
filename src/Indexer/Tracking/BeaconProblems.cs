namespace GraphReports.Indexer.Tracking;

/// <summary>The error answers of the beacon endpoint: RFC 9457 problem documents with a stable <c>error</c> code, like the collector's.</summary>
internal static class BeaconProblems
{
    public static IResult Create(int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = code });
}
