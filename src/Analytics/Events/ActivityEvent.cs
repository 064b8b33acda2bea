namespace GraphReports.Analytics.Events;

/// <summary>An asset as events name it. <c>Folder</c> is a '/'-separated path without a leading slash.</summary>
public sealed record AssetRef(string Id, string? Name = null, string? Folder = null, string? Type = null);

/// <summary>A collection as events name it.</summary>
public sealed record CollectionRef(string Id, string? Name = null);

/// <summary>One <c>{field, value}</c> filter of a search.</summary>
public sealed record SearchFilter(string Field, string Value);

/// <summary>The reference image of a <c>visual_image</c> search.</summary>
public sealed record ReferenceImage(string Id, string? Name = null);

/// <summary>The <c>search</c> object. Texts are kept as sent; see <see cref="TextNormalizer"/> for grouping.</summary>
public sealed record SearchDetails(
    SearchKind Kind,
    string? Text = null,
    IReadOnlyList<SearchFilter>? Filters = null,
    string? Expression = null,
    ReferenceImage? Reference = null,
    int? Results = null)
{
    public IReadOnlyList<SearchFilter> Filters { get; init; } = Filters ?? [];
}

/// <summary>The <c>download</c> object. <c>Preset</c> null means the original file.</summary>
public sealed record DownloadDetails(bool Bulk, string? Batch = null, string? Preset = null);

/// <summary>The <c>upload</c> object.</summary>
public sealed record UploadDetails(bool Bulk, string? Batch = null);

/// <summary>
/// One validated event (REPORTS.md §1). The environment is deliberately not a property: it comes
/// from the credential the event was sent with, and travels beside the event, never inside it.
/// </summary>
public sealed record ActivityEvent
{
    public required string Id { get; init; }
    public required EventType Type { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public string? User { get; init; }
    public string? Session { get; init; }
    public AssetRef? Asset { get; init; }
    public CollectionRef? Collection { get; init; }
    public SearchDetails? Search { get; init; }
    public DownloadDetails? Download { get; init; }
    public UploadDetails? Upload { get; init; }
    public int? Rating { get; init; }
    public UsageChannel? Channel { get; init; }
    public string? Page { get; init; }
    public string? Visitor { get; init; }
}
