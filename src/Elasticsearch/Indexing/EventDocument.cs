using System.Text.Json.Serialization;

namespace GraphReports.Elasticsearch.Indexing;

/// <summary>
/// One event as stored in the index: the event's own fields (so that nothing sent is lost) plus the
/// derived keys the reports group and filter by (normalized texts, filter pairs, folder ancestors).
/// Field names are those of the mapping in <see cref="IndexTemplate"/>.
/// </summary>
public sealed record EventDocument
{
    [JsonPropertyName("environment")] public required string Environment { get; init; }
    [JsonPropertyName("event_id")] public required string EventId { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    /// <summary>RFC 3339 in UTC with every fractional digit sent; the index keeps milliseconds.</summary>
    [JsonPropertyName("timestamp")] public required string Timestamp { get; init; }
    /// <summary>The offset the event was sent with, in minutes (the instant alone is in <see cref="Timestamp"/>).</summary>
    [JsonPropertyName("offset_minutes")] public int OffsetMinutes { get; init; }
    [JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? User { get; init; }
    [JsonPropertyName("session"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Session { get; init; }
    [JsonPropertyName("visitor"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Visitor { get; init; }
    [JsonPropertyName("page"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Page { get; init; }
    [JsonPropertyName("asset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AssetDocument? Asset { get; init; }
    [JsonPropertyName("collection"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NamedDocument? Collection { get; init; }
    [JsonPropertyName("search"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SearchDocument? Search { get; init; }
    [JsonPropertyName("download"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TransferDocument? Download { get; init; }
    [JsonPropertyName("upload"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TransferDocument? Upload { get; init; }
    [JsonPropertyName("rating"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Rating { get; init; }
    [JsonPropertyName("channel"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Channel { get; init; }
}

/// <summary>An asset; <see cref="Folders"/> is the folder and each of its ancestors (<c>a/b/c</c>: <c>a</c>, <c>a/b</c>, <c>a/b/c</c>).</summary>
public sealed record AssetDocument
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
    [JsonPropertyName("folder"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Folder { get; init; }
    [JsonPropertyName("folders"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Folders { get; init; }
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Type { get; init; }
}

/// <summary>An id with an optional display name (collections, reference images).</summary>
public sealed record NamedDocument
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
}

/// <summary>The <c>search</c> object with its grouping keys.</summary>
public sealed record SearchDocument
{
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }
    /// <summary>The normalized text (absent when empty): the key of top searches.</summary>
    [JsonPropertyName("text_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TextKey { get; init; }
    [JsonPropertyName("expression"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Expression { get; init; }
    [JsonPropertyName("expression_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ExpressionKey { get; init; }
    [JsonPropertyName("filters"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<FilterDocument>? Filters { get; init; }
    /// <summary>Each distinct <c>field</c> U+0001 <c>value</c> pair: one keyword per pair, so a terms aggregation counts a search once per pair.</summary>
    [JsonPropertyName("filter_pairs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? FilterPairs { get; init; }
    [JsonPropertyName("reference"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NamedDocument? Reference { get; init; }
    [JsonPropertyName("results"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Results { get; init; }
}

/// <summary>One <c>{field, value}</c> of a search, as sent.</summary>
public sealed record FilterDocument
{
    [JsonPropertyName("field")] public required string Field { get; init; }
    [JsonPropertyName("value")] public required string Value { get; init; }
}

/// <summary>A <c>download</c> or <c>upload</c> object.</summary>
public sealed record TransferDocument
{
    [JsonPropertyName("bulk")] public bool Bulk { get; init; }
    [JsonPropertyName("batch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Batch { get; init; }
    [JsonPropertyName("preset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Preset { get; init; }
}
