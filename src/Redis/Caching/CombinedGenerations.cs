using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Time;

namespace GraphReports.Redis.Caching;

/// <summary>
/// Several generation sources as one: a month's token is the tokens of all, joined. An answer is read
/// again only if NONE of them changed: the store's own generation (exact, committed with the events)
/// and the one in Redis (for stores without one) each suffice to keep it from going stale.
/// </summary>
public sealed class CombinedGenerations(params IMonthGenerations[] sources) : IMonthGenerations
{
    public async Task<IReadOnlyList<string>> ReadAsync(string environmentId, IReadOnlyList<Month> months, CancellationToken cancellationToken = default)
    {
        var all = await Task.WhenAll(sources.Select(s => s.ReadAsync(environmentId, months, cancellationToken))).ConfigureAwait(false);
        var tokens = new string[months.Count];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = string.Join('/', all.Select(a => a[i]));
        return tokens;
    }
}
