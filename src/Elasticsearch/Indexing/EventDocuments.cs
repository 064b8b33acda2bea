using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GraphReports.Analytics.Events;

namespace GraphReports.Elasticsearch.Indexing;

/// <summary>Turns a validated event into its <see cref="EventDocument"/> and names its document.</summary>
public static class EventDocuments
{
    /// <summary>Separates a filter pair's field from its value in <see cref="SearchDocument.FilterPairs"/>; sorts below every printable character, so pairs order by field, then value.</summary>
    public const char PairSeparator = '\u0001';

    /// <summary>
    /// The document <c>_id</c> of an event: SHA-256 of the length-prefixed environment and event id, in
    /// hex. It depends on nothing else (not the timestamp, not the content), so a second event with a
    /// known id is refused by <c>create</c> with 409 wherever its timestamp falls; the length prefix
    /// keeps <c>("a:b", "c")</c> and <c>("a", "b:c")</c> apart; the hash keeps the id under the 512-byte limit.
    /// </summary>
    public static string DocumentId(string environmentId, string eventId)
    {
        var text = $"{environmentId.Length}:{environmentId}:{eventId}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static EventDocument From(string environmentId, ActivityEvent e) => new()
    {
        Environment = environmentId,
        EventId = e.Id,
        Type = e.Type.ToWire(),
        Timestamp = e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        OffsetMinutes = (int)e.Timestamp.Offset.TotalMinutes,
        User = e.User,
        Session = e.Session,
        Visitor = e.Visitor,
        Page = e.Page,
        Asset = e.Asset is { } a ? new AssetDocument { Id = a.Id, Name = a.Name, Folder = a.Folder, Folders = Ancestors(a.Folder), Type = a.Type } : null,
        Collection = e.Collection is { } c ? new NamedDocument { Id = c.Id, Name = c.Name } : null,
        Search = e.Search is { } s ? Search(s) : null,
        Download = e.Download is { } d ? new TransferDocument { Bulk = d.Bulk, Batch = d.Batch, Preset = d.Preset } : null,
        Upload = e.Upload is { } u ? new TransferDocument { Bulk = u.Bulk, Batch = u.Batch } : null,
        Rating = e.Rating,
        Channel = e.Channel?.ToWire(),
    };

    /// <summary>The folder and each of its ancestors, shortest first; null when the event has no folder.</summary>
    public static IReadOnlyList<string>? Ancestors(string? folder)
    {
        if (string.IsNullOrEmpty(folder)) return null;
        var result = new List<string>();
        for (var i = folder.IndexOf('/'); i >= 0; i = folder.IndexOf('/', i + 1)) result.Add(folder[..i]);
        result.Add(folder);
        return result;
    }

    private static SearchDocument Search(SearchDetails s)
    {
        var text = TextNormalizer.NormalizeText(s.Text);
        var expression = TextNormalizer.NormalizeExpression(s.Expression);
        return new SearchDocument
        {
            Kind = s.Kind.ToWire(),
            Text = s.Text,
            TextKey = string.IsNullOrEmpty(text) ? null : text,
            Expression = s.Expression,
            ExpressionKey = string.IsNullOrEmpty(expression) ? null : expression,
            Filters = s.Filters.Count == 0 ? null : s.Filters.Select(f => new FilterDocument { Field = f.Field, Value = f.Value }).ToArray(),
            FilterPairs = s.Filters.Count == 0 ? null : s.Filters.Select(f => f.Field + PairSeparator + f.Value).Distinct(StringComparer.Ordinal).ToArray(),
            Reference = s.Reference is { } r ? new NamedDocument { Id = r.Id, Name = r.Name } : null,
            Results = s.Results,
        };
    }
}
