namespace GraphReports.Analytics.Storage;

/// <summary>
/// What a store last saw of itself: the latest failure of the store (not of the data) and whether a
/// later write succeeded. Readiness checks read it; the store reports into it. Thread-safe.
/// </summary>
public sealed class StoreHealth(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private StoreUnavailableException? _failure;
    private DateTimeOffset _failedAt;

    /// <summary>The latest store failure and when it happened, or null when the latest write succeeded.</summary>
    public (StoreUnavailableException Failure, DateTimeOffset At)? CurrentFailure
    {
        get
        {
            lock (_lock) return _failure is null ? null : (_failure, _failedAt);
        }
    }

    public void ReportFailure(StoreUnavailableException failure)
    {
        lock (_lock)
        {
            _failure = failure;
            _failedAt = _clock.GetUtcNow();
        }
    }

    public void ReportSuccess()
    {
        lock (_lock) _failure = null;
    }
}
