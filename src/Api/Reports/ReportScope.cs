using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Api.Reports;

/// <summary>
/// What every report field of one GraphQL request shares: the caller's environment, the instant the
/// request is answered at (so every "current month" and "closed" of one response agree), and the
/// request's batch of store queries. Figures are loaded through <see cref="LoadAsync{T}"/>: their
/// queries join the request's batch, which the engine dispatches once every resolver has asked,
/// so a whole page costs one store call.
/// </summary>
public sealed class ReportScope(ProductEnvironment environment, DateTimeOffset now, Func<ReportQuery, Task<QueryResult?>> load)
{
    public ProductEnvironment Environment { get; } = environment;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The month now open in the environment's time zone.</summary>
    public Month CurrentMonth => ZonedCalendar.MonthOf(Now, Environment.TimeZone);

    /// <summary>Queues every query of <paramref name="figure"/> in the request's batch and composes the answers.</summary>
    public async Task<T> LoadAsync<T>(Figure<T> figure) => (await LoadAnswerAsync(figure).ConfigureAwait(false)).Value;

    /// <summary>As <see cref="LoadAsync{T}"/>, also telling whether a store estimated any part.</summary>
    public async Task<FigureAnswer<T>> LoadAnswerAsync<T>(Figure<T> figure)
    {
        // Queue every query before awaiting any, so that they all join the same batch.
        var pending = figure.Queries.Select(load).ToArray();
        var results = await Task.WhenAll(pending).ConfigureAwait(false);
        if (results.Any(r => r is null))
            throw new InvalidOperationException($"The report store gave no answer to a query of figure '{figure.Name}'.");
        // A query the store could not answer fails the fields built on it, not the whole request.
        if (results.OfType<FailedResult>().FirstOrDefault() is { } failed)
            throw ReportErrors.Create(ReportErrors.StoreQueryFailed, $"The store could not answer '{figure.Name}': {failed.Reason}");
        return new FigureAnswer<T>(figure.Name, figure.Compose(results!), results.Any(r => r!.Approximate));
    }
}
