using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Queries;

/// <summary>The answer to one <see cref="ReportQuery"/>: its type follows the query's shape.</summary>
public abstract record QueryResult
{
    /// <summary>True when the store could only estimate the figure (never on SQLite).</summary>
    public bool Approximate { get; init; }
}

/// <summary>Answer of a <see cref="TotalShape"/>.</summary>
public sealed record TotalResult(long Value) : QueryResult;

/// <summary>
/// One group of a top list. <see cref="Key"/> is the id or normalized text; <see cref="SecondKey"/>
/// is the value of a filter pair (null otherwise); <see cref="Name"/> the display name when events
/// carry one (asset, collection, reference image): the most recent name any event of the
/// environment gave that key. <see cref="ByType"/> is set when the shape asked for a breakdown.
/// </summary>
public sealed record TopEntry(string Key, string? SecondKey, string? Name, long Value)
{
    public IReadOnlyDictionary<EventType, long>? ByType { get; init; }

    public bool Equals(TopEntry? other) =>
        other is not null && Key == other.Key && SecondKey == other.SecondKey && Name == other.Name && Value == other.Value
        && (ByType is null ? other.ByType is null : other.ByType is not null
            && ByType.Count == other.ByType.Count && ByType.All(kv => other.ByType.TryGetValue(kv.Key, out var v) && v == kv.Value));

    public override int GetHashCode() => HashCode.Combine(Key, SecondKey, Value);
}

/// <summary>Answer of a <see cref="TopShape"/>, in rank order.</summary>
public sealed record TopResult(IReadOnlyList<TopEntry> Entries) : QueryResult
{
    public bool Equals(TopResult? other) => other is not null && Approximate == other.Approximate && Entries.SequenceEqual(other.Entries);
    public override int GetHashCode() => Entries.Count;
}

/// <summary>One bucket of a histogram: its first instant and the measure over it.</summary>
public sealed record HistogramBucket(DateTimeOffset Start, long Value);

/// <summary>Answer of a <see cref="HistogramShape"/>: every bucket, oldest first.</summary>
public sealed record HistogramResult(IReadOnlyList<HistogramBucket> Buckets) : QueryResult
{
    public bool Equals(HistogramResult? other) => other is not null && Approximate == other.Approximate && Buckets.SequenceEqual(other.Buckets);
    public override int GetHashCode() => Buckets.Count;
}

/// <summary>
/// The answer of a query the store could not answer (a search refused, shards failed, a limit reached):
/// every figure built on it fails with <see cref="Reason"/>, and the other figures of the batch still answer.
/// </summary>
public sealed record FailedResult(string Reason) : QueryResult;
