namespace GraphReports.Analytics.Events;

/// <summary>
/// What <see cref="EventJsonReader"/> made of one JSON object: either a validated
/// <see cref="ActivityEvent"/>, or a rejection whose <see cref="Error"/> is a sentence for people
/// that names the offending field, e.g. "`user` is required for events of type `search`".
/// </summary>
public readonly struct EventReadResult
{
    private EventReadResult(ActivityEvent? @event, string? field, string? error, bool malformed)
    {
        Event = @event;
        Field = field;
        Error = error;
        IsMalformedJson = malformed;
    }

    /// <summary>The validated event; null when rejected.</summary>
    public ActivityEvent? Event { get; }

    /// <summary>
    /// Dotted path of the offending field (<c>download.bulk</c>, <c>search.filters[2].value</c>);
    /// empty when the problem is the value as a whole (not an object, not JSON); null when accepted.
    /// </summary>
    public string? Field { get; }

    /// <summary>Why the event was rejected, for people; null when accepted.</summary>
    public string? Error { get; }

    /// <summary>
    /// True when the input was not JSON at all (syntax error), as opposed to JSON that breaks a rule.
    /// Intake answers 400 for a request body that is not JSON, but rejects single events that break rules.
    /// </summary>
    public bool IsMalformedJson { get; }

    /// <summary>True when <see cref="Event"/> holds a validated event.</summary>
    public bool IsAccepted => Event is not null;

    public static EventReadResult Accepted(ActivityEvent @event) => new(@event, null, null, false);

    public static EventReadResult Rejected(string field, string error) => new(null, field, error, false);

    public static EventReadResult Malformed(string error) => new(null, "", error, true);

    public override string ToString() => IsAccepted ? $"accepted {Event!.Id}" : $"rejected: {Error}";
}
