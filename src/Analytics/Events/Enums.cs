namespace GraphReports.Analytics.Events;

/// <summary>How a search was run (REPORTS.md §1, <c>search.kind</c>).</summary>
public enum SearchKind
{
    Text = 1,
    Filters = 2,
    Expression = 3,
    QueryBuilder = 4,
    VisualText = 5,
    VisualImage = 6,
}

/// <summary>Where an asset was used (<c>asset.used</c> events).</summary>
public enum UsageChannel
{
    Collection = 1,
    WebMobile = 2,
    Social = 3,
    Email = 4,
}

/// <summary>Wire names of the small enums: snake_case as in REPORTS.md.</summary>
public static class WireNames
{
    private static readonly string[] SearchKinds = ["", "text", "filters", "expression", "query_builder", "visual_text", "visual_image"];
    private static readonly string[] Channels = ["", "collection", "web_mobile", "social", "email"];

    public static string ToWire(this SearchKind kind) => SearchKinds[(int)kind];

    public static string ToWire(this UsageChannel channel) => Channels[(int)channel];

    public static bool TryParseSearchKind(string? name, out SearchKind kind)
    {
        var i = Array.IndexOf(SearchKinds, name ?? "");
        kind = i > 0 ? (SearchKind)i : default;
        return i > 0;
    }

    public static bool TryParseChannel(string? name, out UsageChannel channel)
    {
        var i = Array.IndexOf(Channels, name ?? "");
        channel = i > 0 ? (UsageChannel)i : default;
        return i > 0;
    }
}
