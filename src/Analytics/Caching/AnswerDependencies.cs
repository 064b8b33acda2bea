using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Caching;

/// <summary>
/// What one whole response was computed from, recorded while it is computed, so that the response
/// itself may be reused exactly as long as every answer in it could be (docs/redis.md, "Whole responses").
/// The response cache opens a recording around a request (<see cref="Record"/>); the report loader counts
/// every store query the request asks (<see cref="Asked"/>); the answer cache vouches for each query it
/// keyed under a closed month's generation token (<see cref="Vouch"/>), marks the figures that can still
/// change (<see cref="Changing"/>: the month in progress, a custom period, an all-time figure) and refuses
/// what it could not key (<see cref="Refuse"/>). A response is reusable only when every query asked was
/// accounted for: a query that reached the store some other way leaves the count short and the response
/// uncached. A response with changing figures is reusable for a short time only, if the response cache allows it.
/// </summary>
/// <remarks>Thread-safe: the queries of one request may be dispatched in several batches at once.</remarks>
public sealed class AnswerDependencies
{
    private static readonly AsyncLocal<AnswerDependencies?> Current = new();

    private readonly object _gate = new();
    private readonly Dictionary<(string EnvironmentId, Month Month), string> _tokens = [];
    private int _asked, _vouched, _changing;
    private bool _refused;

    private AnswerDependencies() { }

    /// <summary>Starts recording for the code that runs (and awaits) inside the returned scope on this async flow.</summary>
    public static Recording Record()
    {
        var dependencies = new AnswerDependencies();
        var previous = Current.Value;
        Current.Value = dependencies;
        return new Recording(dependencies, previous);
    }

    /// <summary>The report loader asked the store <paramref name="queries"/> queries for the response being recorded (if any).</summary>
    public static void Asked(int queries)
    {
        if (Current.Value is { } recording) lock (recording._gate) recording._asked += queries;
    }

    /// <summary>A query's answer is the one filed under this (environment, month)'s token, read before it was computed.</summary>
    public static void Vouch(string environmentId, Month month, string token)
    {
        if (Current.Value is not { } recording) return;
        lock (recording._gate)
        {
            recording._vouched++;
            // Two tokens for one month (a late event between two batches of the request) can never both be current.
            if (recording._tokens.TryGetValue((environmentId, month), out var seen) && seen != token) recording._refused = true;
            recording._tokens[(environmentId, month)] = token;
        }
    }

    /// <summary>
    /// <paramref name="queries"/> answers can still change (the month in progress, a custom period, an all-time
    /// figure): no generation token covers them, so a response holding them may only be reused for as long as
    /// its figures may lag behind the store (<see cref="HasChangingAnswers"/>).
    /// </summary>
    public static void Changing(int queries)
    {
        if (Current.Value is { } recording) lock (recording._gate) recording._changing += queries;
    }

    /// <summary>An answer the response depends on cannot be vouched for (the cache could not be read).</summary>
    public static void Refuse()
    {
        if (Current.Value is { } recording) lock (recording._gate) recording._refused = true;
    }

    /// <summary>
    /// The (environment, month, token) triples the response depends on, or null when it must not be reused.
    /// An empty list means the response read no closed month's figure (only the caller's environment, the clock,
    /// and changing figures when <see cref="HasChangingAnswers"/>).
    /// </summary>
    public IReadOnlyList<(string EnvironmentId, Month Month, string Token)>? Reusable()
    {
        lock (_gate)
        {
            if (_refused || _vouched + _changing != _asked) return null;
            return _tokens.Select(t => (t.Key.EnvironmentId, t.Key.Month, t.Value)).ToArray();
        }
    }

    /// <summary>Some answer of the response can still change: it is not covered by generation tokens alone.</summary>
    public bool HasChangingAnswers
    {
        get { lock (_gate) return _changing > 0; }
    }

    /// <summary>Ends a recording (the flow's previous recording, if any, is current again).</summary>
    public readonly struct Recording(AnswerDependencies dependencies, AnswerDependencies? previous) : IDisposable
    {
        public AnswerDependencies Dependencies { get; } = dependencies;

        public void Dispose() => Current.Value = previous;
    }
}
