namespace GraphReports.Analytics.Queries;

/// <summary>
/// One backend-neutral question: which events (<see cref="Filter"/>), what to count
/// (<see cref="Measure"/>) and in what form (<see cref="Shape"/>). Plain data: stores compile it,
/// caches key it by <see cref="CacheKey"/>.
/// </summary>
public sealed record ReportQuery
{
    public ReportQuery(EventFilter filter, Measure measure, Shape shape)
    {
        Filter = filter ?? throw new ArgumentNullException(nameof(filter));
        Measure = measure ?? throw new ArgumentNullException(nameof(measure));
        Shape = shape ?? throw new ArgumentNullException(nameof(shape));
        if (measure.Kind == MeasureKind.SessionsConverted && shape is not TotalShape)
            throw new ArgumentException("A converted-sessions measure is answered as a total only.", nameof(shape));
        CacheKey = $"{filter.ToKey()}|{measure.ToKey()}|{shape.ToKey()}";
    }

    public EventFilter Filter { get; }
    public Measure Measure { get; }
    public Shape Shape { get; }

    /// <summary>
    /// A stable string naming the question: environment, period (with its month and zone when it is
    /// one month), every filter criterion, the measure and the shape. Equal questions have equal keys.
    /// </summary>
    public string CacheKey { get; }

    /// <summary>The environment whose data the answer depends on.</summary>
    public string EnvironmentId => Filter.EnvironmentId;

    /// <summary>The month the answer depends on, when the period is exactly one month (trends are made of such queries).</summary>
    public Time.Month? Month => Filter.Period.Month;

    public bool Equals(ReportQuery? other) => other is not null && CacheKey == other.CacheKey;
    public override int GetHashCode() => CacheKey.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => CacheKey;
}
