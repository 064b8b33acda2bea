using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// The columns reports read, derived once from an event. Small enums are stored as integers:
/// <c>kind</c> = <see cref="SearchKind"/> or 0, <c>channel</c> = <see cref="UsageChannel"/> or 0,
/// <c>bulk</c> = 1 only for a bulk media-library <c>download</c>, <c>preset</c> = 0 no download
/// object / 1 original / 2 transformed, <c>zero</c> = 1 for a search whose <c>results</c> is 0.
/// </summary>
internal sealed record EventFacts(
    long Ticks, int Type, string? User, string? Session, string? Asset, string? AssetName, string? Folder,
    string? Collection, string? CollectionName, int Kind, string? TextKey, string? ExpressionKey,
    string? Reference, string? ReferenceName, int Zero, int Bulk, int Preset, int? Rating, int Channel,
    IReadOnlyList<(string Field, string Value)> FilterPairs)
{
    public const int NoPreset = 0, Original = 1, Transformed = 2;

    public static EventFacts From(ActivityEvent e) => new(
        e.Timestamp.UtcTicks, (int)e.Type, e.User, e.Session, e.Asset?.Id, e.Asset?.Name, e.Asset?.Folder?.Trim('/'),
        e.Collection?.Id, e.Collection?.Name, e.Search is { } s ? (int)s.Kind : 0,
        NullIfEmpty(TextNormalizer.NormalizeText(e.Search?.Text)), NullIfEmpty(TextNormalizer.NormalizeExpression(e.Search?.Expression)),
        e.Search?.Reference?.Id, e.Search?.Reference?.Name, e.Search?.Results == 0 ? 1 : 0,
        e.Type == EventType.Download && e.Download?.Bulk == true ? 1 : 0,
        e.Download is null ? NoPreset : e.Download.Preset is null ? Original : Transformed,
        e.Rating, e.Channel is { } c ? (int)c : 0,
        // A search naming the same pair twice counts it once (docs/reports.md).
        e.Search?.Filters.Select(f => (f.Field, f.Value)).Distinct().ToArray() ?? []);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>The keys this event contributes to each rolled-up dimension (an event can have several filter pairs).</summary>
    public IEnumerable<(Dimension? Dim, string Key, string Key2)> RollupKeys()
    {
        yield return (null, "", "");
        if (User is not null) yield return (Dimension.User, User, "");
        if (Asset is not null) yield return (Dimension.Asset, Asset, "");
        if (Collection is not null) yield return (Dimension.Collection, Collection, "");
        if (Session is not null) yield return (Dimension.Session, Session, "");
        if (TextKey is not null) yield return (Dimension.SearchText, TextKey, "");
        if (ExpressionKey is not null) yield return (Dimension.Expression, ExpressionKey, "");
        if (Reference is not null) yield return (Dimension.ReferenceImage, Reference, "");
        foreach (var (field, value) in FilterPairs) yield return (Dimension.FilterPair, field, value);
    }
}
