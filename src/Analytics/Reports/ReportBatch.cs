using GraphReports.Analytics.Queries;

namespace GraphReports.Analytics.Reports;

/// <summary>
/// Collects the figures of one request and answers them with ONE store call (ARCHITECTURE.md, "the
/// whole page in one round trip"). Identical queries asked by several figures are sent once.
/// Usage: <c>var a = batch.Add(fig1); var b = batch.Add(fig2); await batch.ExecuteAsync(store); a.Value</c>.
/// </summary>
public sealed class ReportBatch
{
    private readonly List<IPending> _pending = [];
    private bool _executed;

    public PendingFigure<T> Add<T>(Figure<T> figure)
    {
        if (_executed) throw new InvalidOperationException("This batch has already run; start a new one.");
        var pending = new PendingFigure<T>(figure);
        _pending.Add(pending);
        return pending;
    }

    /// <summary>Every distinct query of the batch, in first-asked order.</summary>
    public IReadOnlyList<ReportQuery> Queries =>
        _pending.SelectMany(p => p.Queries).DistinctBy(q => q.CacheKey, StringComparer.Ordinal).ToArray();

    public async Task ExecuteAsync(IReportStore store, CancellationToken cancellationToken = default)
    {
        if (_executed) throw new InvalidOperationException("This batch has already run; start a new one.");
        _executed = true;
        var queries = Queries;
        var results = queries.Count == 0 ? [] : await store.ExecuteAsync(queries, cancellationToken).ConfigureAwait(false);
        if (results.Count != queries.Count)
            throw new InvalidOperationException($"The store answered {results.Count} of {queries.Count} queries.");
        var byKey = new Dictionary<string, QueryResult>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++) byKey[queries[i].CacheKey] = results[i];
        foreach (var p in _pending) p.Complete(byKey);
    }

    private interface IPending
    {
        IReadOnlyList<ReportQuery> Queries { get; }
        void Complete(IReadOnlyDictionary<string, QueryResult> answers);
    }

    /// <summary>A figure waiting for its batch; <see cref="Value"/> is readable once the batch ran.</summary>
    public sealed class PendingFigure<T> : IPending
    {
        private readonly Figure<T> _figure;
        private FigureAnswer<T>? _answer;
        private FigureFailedException? _failure;

        internal PendingFigure(Figure<T> figure) => _figure = figure;

        public IReadOnlyList<ReportQuery> Queries => _figure.Queries;

        /// <summary>The answer; throws <see cref="FigureFailedException"/> when the store could not answer one of this figure's queries (the batch's other figures still answer).</summary>
        public FigureAnswer<T> Answer => _failure is not null ? throw _failure
            : _answer ?? throw new InvalidOperationException($"Figure '{_figure.Name}' is read before its batch ran.");

        public T Value => Answer.Value;

        void IPending.Complete(IReadOnlyDictionary<string, QueryResult> answers)
        {
            var results = _figure.Queries.Select(q => answers[q.CacheKey]).ToArray();
            try
            {
                _answer = new FigureAnswer<T>(_figure.Name, _figure.Compose(results), results.Any(r => r.Approximate));
            }
            catch (FigureFailedException e)
            {
                _failure = e;
            }
        }
    }
}
