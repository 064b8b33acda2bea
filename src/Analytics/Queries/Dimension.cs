namespace GraphReports.Analytics.Queries;

/// <summary>
/// What a top list groups by. Events that have no value for the dimension are not listed.
/// Keys are ids or normalized texts; see <see cref="TopEntry"/> for names.
/// </summary>
public enum Dimension
{
    /// <summary><c>user</c>.</summary>
    User = 1,
    /// <summary><c>asset.id</c>; name: <c>asset.name</c>.</summary>
    Asset = 2,
    /// <summary><c>collection.id</c>; name: <c>collection.name</c>.</summary>
    Collection = 3,
    /// <summary><c>search.text</c> normalized with <see cref="Events.TextNormalizer.NormalizeText"/> (empty texts are not listed). Combine with a search-kind filter for free texts (<c>text</c>) or visual terms (<c>visual_text</c>).</summary>
    SearchText = 4,
    /// <summary><c>search.expression</c> normalized with <see cref="Events.TextNormalizer.NormalizeExpression"/>.</summary>
    Expression = 5,
    /// <summary>Each <c>(field, value)</c> of <c>search.filters</c>: a search with three filters counts once for each pair. Key = field, <see cref="TopEntry.SecondKey"/> = value.</summary>
    FilterPair = 6,
    /// <summary><c>search.reference.id</c> (similarity search); name: <c>search.reference.name</c>.</summary>
    ReferenceImage = 7,
    /// <summary><c>channel</c> wire name (<c>asset.used</c>).</summary>
    Channel = 8,
    /// <summary><c>session</c>.</summary>
    Session = 9,
    /// <summary>The event type wire name.</summary>
    EventType = 10,
}
