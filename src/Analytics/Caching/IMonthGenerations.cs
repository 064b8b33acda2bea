using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Caching;

/// <summary>
/// Where a cache learns whether a stored answer about an (environment, month) may still be read: a
/// generation token per (environment, month) that changes whenever an event of that month is stored.
/// Cached answers are keyed by the token read BEFORE they were computed, so an answer computed while
/// a late event was being stored is filed under a token that is already dead (docs/redis.md).
/// </summary>
/// <remarks>
/// Tokens are compared for equality only. A source must never hand out a token again once it has
/// changed: a counter that restarts at 1 after its key was lost would make old answers readable again,
/// which is why the implementations use random tokens.
/// </remarks>
public interface IMonthGenerations
{
    /// <summary>The current token of each month of <paramref name="environmentId"/>, in the order given.</summary>
    /// <exception cref="CacheUnavailableException">The source cannot be reached now: answer without the cache.</exception>
    Task<IReadOnlyList<string>> ReadAsync(string environmentId, IReadOnlyList<Month> months, CancellationToken cancellationToken = default);
}

/// <summary>A cache tier or generation source that cannot be reached now (Redis down or slow): the caller answers from the store.</summary>
public sealed class CacheUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
