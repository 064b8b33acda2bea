using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Queries;

/// <summary>What a query counts over the events its filter selects.</summary>
public enum MeasureKind
{
    /// <summary>Number of events.</summary>
    Events = 1,
    /// <summary>Distinct <c>user</c> values (events without a user are ignored).</summary>
    DistinctUsers = 2,
    /// <summary>Distinct <c>asset.id</c> values.</summary>
    DistinctAssets = 3,
    /// <summary>Distinct <c>session</c> values.</summary>
    DistinctSessions = 4,
    /// <summary>Distinct <c>collection.id</c> values.</summary>
    DistinctCollections = 5,
    /// <summary>Sum of <c>rating</c> (events without one add nothing): the numerator of an average rating.</summary>
    RatingSum = 6,
    /// <summary>Sum of a weight per event type (<see cref="Measure.Weights"/>): e.g. impressions + 10 x clicks.</summary>
    WeightedEvents = 7,
    /// <summary>
    /// Distinct sessions in which an event of type <see cref="Measure.Then"/> happened strictly after
    /// the session's first event of type <see cref="Measure.First"/>, both among the filtered events.
    /// </summary>
    SessionsConverted = 8,
}

/// <summary>A measure; build it with the static members.</summary>
public sealed record Measure
{
    private Measure(MeasureKind kind) => Kind = kind;

    public MeasureKind Kind { get; }

    /// <summary>Weights of <see cref="MeasureKind.WeightedEvents"/>; types absent weigh 0.</summary>
    public IReadOnlyDictionary<EventType, int>? Weights { get; private init; }

    public EventType? First { get; private init; }
    public EventType? Then { get; private init; }

    public static Measure Events { get; } = new(MeasureKind.Events);
    public static Measure DistinctUsers { get; } = new(MeasureKind.DistinctUsers);
    public static Measure DistinctAssets { get; } = new(MeasureKind.DistinctAssets);
    public static Measure DistinctSessions { get; } = new(MeasureKind.DistinctSessions);
    public static Measure DistinctCollections { get; } = new(MeasureKind.DistinctCollections);
    public static Measure RatingSum { get; } = new(MeasureKind.RatingSum);

    public static Measure Weighted(IReadOnlyDictionary<EventType, int> weights) =>
        new(MeasureKind.WeightedEvents) { Weights = new SortedDictionary<EventType, int>(weights.ToDictionary()) };

    public static Measure SessionsConverted(EventType first, EventType then) =>
        new(MeasureKind.SessionsConverted) { First = first, Then = then };

    /// <summary>True for the measures that count each key once (stores that approximate do so for these).</summary>
    public bool IsDistinct => Kind is MeasureKind.DistinctUsers or MeasureKind.DistinctAssets
        or MeasureKind.DistinctSessions or MeasureKind.DistinctCollections or MeasureKind.SessionsConverted;

    public string ToKey() => Kind switch
    {
        MeasureKind.WeightedEvents => "weighted(" + string.Join(',', Weights!.Select(w => $"{w.Key.ToWire()}:{w.Value}")) + ")",
        MeasureKind.SessionsConverted => $"converted({First!.Value.ToWire()}>{Then!.Value.ToWire()})",
        _ => Kind.ToString(),
    };

    // Records compare dictionaries by reference; compare by content so equal measures are equal queries.
    public bool Equals(Measure? other) => other is not null && ToKey() == other.ToKey();
    public override int GetHashCode() => ToKey().GetHashCode(StringComparison.Ordinal);
}
