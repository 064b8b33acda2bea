using GraphReports.Analytics.Queries;

namespace GraphReports.Analytics.Reports;

/// <summary>
/// One figure of the catalogue: the model queries it needs and how their answers make the figure.
/// A figure does not run anything; hand it to a <see cref="ReportBatch"/> (together with every other
/// figure of the request) or call <see cref="ExecuteAsync"/>.
/// </summary>
public sealed class Figure<T>
{
    private readonly Func<IReadOnlyList<QueryResult>, T> _compose;

    public Figure(string name, IReadOnlyList<ReportQuery> queries, Func<IReadOnlyList<QueryResult>, T> compose)
    {
        Name = name;
        Queries = queries;
        _compose = compose;
    }

    /// <summary>The figure's name as REPORTS.md gives it (used to list approximate figures).</summary>
    public string Name { get; }

    public IReadOnlyList<ReportQuery> Queries { get; }

    /// <summary>Builds the figure from the answers to <see cref="Queries"/>, in their order.</summary>
    public T Compose(IReadOnlyList<QueryResult> results)
    {
        if (results.Count != Queries.Count)
            throw new ArgumentException($"Figure '{Name}' needs {Queries.Count} answers, got {results.Count}.", nameof(results));
        if (results.OfType<FailedResult>().FirstOrDefault() is { } failed) throw new FigureFailedException(Name, failed.Reason);
        return _compose(results);
    }

    /// <summary>Runs this figure alone (one store call) and composes it.</summary>
    public async Task<FigureAnswer<T>> ExecuteAsync(IReportStore store, CancellationToken cancellationToken = default)
    {
        var results = await store.ExecuteAsync(Queries, cancellationToken).ConfigureAwait(false);
        return new FigureAnswer<T>(Name, Compose(results), results.Any(r => r.Approximate));
    }

    /// <summary>A figure with the same queries whose value is transformed.</summary>
    public Figure<TOut> Select<TOut>(Func<T, TOut> map) => new(Name, Queries, r => map(Compose(r)));
}

/// <summary>A composed figure and whether any of its parts was estimated.</summary>
public sealed record FigureAnswer<T>(string Name, T Value, bool Approximate);

/// <summary>Helpers to declare figures.</summary>
public static class Figure
{
    public static Figure<T> Of<T>(string name, ReportQuery query, Func<QueryResult, T> compose) =>
        new(name, [query], r => compose(r[0]));

    /// <summary>A figure made of several figures: their queries are concatenated and each reads its own slice of the answers.</summary>
    public static FigureComposer Compose() => new();
}

/// <summary>Builds a figure out of other figures (a whole report section, a page).</summary>
public sealed class FigureComposer
{
    private readonly List<ReportQuery> _queries = [];
    private readonly List<(string Name, int Offset, int Count)> _parts = [];

    /// <summary>Adds a part; the returned slot reads its value from the composed answers.</summary>
    public FigureSlot<T> Add<T>(Figure<T> figure)
    {
        var slot = new FigureSlot<T>(figure, _queries.Count);
        _parts.Add((figure.Name, _queries.Count, figure.Queries.Count));
        _queries.AddRange(figure.Queries);
        return slot;
    }

    public Figure<T> Build<T>(string name, Func<FigureReader, T> compose) =>
        new(name, _queries.ToArray(), results => compose(new FigureReader(results, _parts)));
}

/// <summary>A part of a composed figure.</summary>
public sealed class FigureSlot<T>
{
    private readonly Figure<T> _figure;
    private readonly int _offset;

    internal FigureSlot(Figure<T> figure, int offset) { _figure = figure; _offset = offset; }

    public T Read(FigureReader reader) => _figure.Compose(reader.Slice(_offset, _figure.Queries.Count));
}

/// <summary>The answers of a composed figure, and which of its parts were approximate.</summary>
public sealed class FigureReader
{
    private readonly IReadOnlyList<QueryResult> _results;
    private readonly IReadOnlyList<(string Name, int Offset, int Count)> _parts;

    internal FigureReader(IReadOnlyList<QueryResult> results, IReadOnlyList<(string Name, int Offset, int Count)> parts)
    {
        _results = results;
        _parts = parts;
    }

    internal IReadOnlyList<QueryResult> Slice(int offset, int count) => _results.Skip(offset).Take(count).ToArray();

    /// <summary>Names of the parts whose answers a store estimated (empty on exact stores).</summary>
    public IReadOnlyList<string> ApproximateFigures =>
        _parts.Where(p => Slice(p.Offset, p.Count).Any(r => r.Approximate)).Select(p => p.Name).Distinct().ToArray();
}
