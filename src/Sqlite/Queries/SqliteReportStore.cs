using GraphReports.Analytics.Queries;
using GraphReports.Sqlite.Recent;
using GraphReports.Sqlite.Rollups;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Answers report queries from the SQLite database (<see cref="IReportStore"/>). A batch is read in
/// one read transaction (one consistent snapshot for every figure of a request); identical queries
/// are answered once; queries the current rollups can answer read them (docs/reports.md), the others
/// scan the store's events, and totals that read the same month's rows of one dimension share one
/// statement. Every count is exact.
/// </summary>
public sealed class SqliteReportStore : IReportStore
{
    private readonly Func<SqliteConnection> _open;

    /// <param name="options">The store file whose writer runs a <see cref="ReportRollupObserver"/>; read through the store's query-only reader connections.</param>
    public SqliteReportStore(SqliteStoreOptions options) => _open = () => StoreConnections.OpenReader(options);

    /// <param name="connectionString">Any SQLite database holding the store's tables (<see cref="Schema.StoreSchema"/>) and the report tables (<see cref="ReportSchema"/>).</param>
    public SqliteReportStore(string connectionString) => _open = () =>
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    };

    /// <summary>Diagnostics: called after each statement with its SQL and duration (benchmarks use it to say where time goes).</summary>
    public Action<string, TimeSpan>? StatementTimed { get; set; }

    /// <summary>
    /// Recent events held in memory: queries whose period lies inside their window are answered from them (one pass
    /// over arrays, read up to the batch's snapshot), the others by SQL. Null: every query is SQL.
    /// </summary>
    public RecentEvents? Recent { get; init; }

    public async Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return [];
        await using var connection = _open();
        await using var transaction = connection.BeginTransaction(deferred: true);

        var current = ReadCurrentMonths(connection, transaction, batch.Select(q => q.EnvironmentId).Distinct(StringComparer.Ordinal));
        var distinct = batch.DistinctBy(q => q.CacheKey, StringComparer.Ordinal).ToArray();
        var answers = new Dictionary<string, QueryResult>(StringComparer.Ordinal);
        // The passes over recent events use no connection: they run on the other cores while the SQL statements run.
        var fromRecent = Recent is { } recent ? StartFromRecent(recent, distinct, connection, transaction, cancellationToken) : [];
        var inMemory = fromRecent.SelectMany(w => w.Asked).Select(q => q.CacheKey).ToHashSet(StringComparer.Ordinal);
        try
        {
            foreach (var (statement, queries) in Plan([.. distinct.Where(q => !inMemory.Contains(q.CacheKey))], (env, month) => current.GetValueOrDefault((env, month))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement.Sql;
                statement.Parameters.Bind(command);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var results = statement.Read(reader);
                StatementTimed?.Invoke(statement.Sql, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                for (var i = 0; i < queries.Count; i++) answers[queries[i].CacheKey] = results[i];
            }
        }
        finally
        {
            // Never leave passes running past the batch, whether or not a statement failed.
            await Ended(fromRecent).ConfigureAwait(false);
        }
        foreach (var work in fromRecent) FinishFromRecent(work, answers);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return batch.Select(q => answers[q.CacheKey]).ToArray();
    }

    /// <summary>
    /// Loads, or brings up to date, the <see cref="Recent"/> events of these environments, so that no request waits
    /// for a first load (seconds at millions of events); returns the rows held per environment. Nothing without <see cref="Recent"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> LoadRecentEventsAsync(IEnumerable<string> environmentIds, CancellationToken cancellationToken = default)
    {
        var held = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Recent is not { } recent) return held;
        await using var connection = _open();
        await using var transaction = connection.BeginTransaction(deferred: true);
        var windowStart = recent.WindowStart;
        foreach (var environmentId in environmentIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            recent.Snapshot(environmentId, windowStart, connection, transaction);
            held[environmentId] = recent.RowsOf(environmentId);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return held;
    }

    /// <summary>One environment's queries answered from recent events: their passes, started, and what finishes them.</summary>
    private sealed record RecentWork(ReportQuery[] Asked, RecentReadContext Context, Task<Func<RecentReadContext, QueryResult>[]> Passes, TimeSpan[] Took);

    /// <summary>
    /// Per environment: brings its recent events up to the batch's snapshot and turns its queries' filters into ids
    /// (both on the batch's connection), then starts their passes, which use no connection, on every core.
    /// </summary>
    private List<RecentWork> StartFromRecent(RecentEvents recent, IReadOnlyList<ReportQuery> queries,
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var windowStart = recent.WindowStart;
        var started = new List<RecentWork>();
        try
        {
            foreach (var environment in queries.Where(q => q.Filter.Period.From >= windowStart).GroupBy(q => q.EnvironmentId, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var began = System.Diagnostics.Stopwatch.GetTimestamp();
                var snapshot = recent.Snapshot(environment.Key, windowStart, connection, transaction);
                StatementTimed?.Invoke("recent events: catch up", System.Diagnostics.Stopwatch.GetElapsedTime(began));
                var context = new RecentReadContext(connection, transaction, environment.Key, recent.Texts());
                var asked = environment.ToArray();
                var filters = asked.Select(q => RecentEvaluator.Prepare(q, snapshot, context)).ToArray();
                var took = new TimeSpan[asked.Length];
                var passes = Task.Run(() =>
                {
                    var finish = new Func<RecentReadContext, QueryResult>[asked.Length];
                    Parallel.For(0, asked.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                    {
                        var passBegan = System.Diagnostics.Stopwatch.GetTimestamp();
                        finish[i] = RecentEvaluator.Compute(asked[i], filters[i], snapshot);
                        took[i] = System.Diagnostics.Stopwatch.GetElapsedTime(passBegan);
                    });
                    return finish;
                }, cancellationToken);
                started.Add(new RecentWork(asked, context, passes, took));
            }
        }
        catch
        {
            // Another environment's catch-up failed: let the passes already started end before the batch does.
            Ended(started).Wait(CancellationToken.None);
            throw;
        }
        return started;
    }

    /// <summary>Completes when every started pass has ended, failed or not (their failures surface in <see cref="FinishFromRecent"/>).</summary>
    private static Task Ended(IEnumerable<RecentWork> work) =>
        Task.WhenAll(work.Select(w => w.Passes)).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>The rest of each answer (strings and names) on the batch's connection, once the passes are done.</summary>
    private void FinishFromRecent(RecentWork work, Dictionary<string, QueryResult> answers)
    {
        var finish = work.Passes.GetAwaiter().GetResult();
        for (var i = 0; i < work.Asked.Length; i++)
        {
            answers[work.Asked[i].CacheKey] = finish[i](work.Context);
            StatementTimed?.Invoke("recent events: " + work.Asked[i].CacheKey, work.Took[i]);
        }
    }

    /// <summary>The statements for a batch, each with the queries it answers (in its result order).</summary>
    internal static IEnumerable<(CompiledStatement Statement, IReadOnlyList<ReportQuery> Queries)> Plan(
        IReadOnlyList<ReportQuery> queries, Func<string, int, string?> currentZone)
    {
        var planned = queries.Select(q => (Query: q, Source: RollupPlanner.Plan(q, currentZone))).ToArray();
        bool Mergeable((ReportQuery Query, QuerySource Source) p) =>
            p.Source.IsRollup && p.Query.Shape is TotalShape && p.Query.Measure.Kind != MeasureKind.SessionsConverted
            && !DistinctKeysCompiler.Answers(p.Query, p.Source) && p.Source.ToDate is null;
        foreach (var group in planned.Where(Mergeable).GroupBy(p => (p.Query.EnvironmentId, p.Source.RollupMonth, p.Source.DimensionCode, p.Source.AnyType)))
        {
            var members = group.Select(p => p.Query).ToArray();
            yield return (TotalCompiler.CompileMerged(members, group.First().Source), members);
        }
        foreach (var (query, source) in planned.Where(p => !Mergeable(p)))
        {
            var statement = DistinctKeysCompiler.Answers(query, source) ? DistinctKeysCompiler.Compile(query, source)
                : source.ToDate is not null ? MonthToDateCompiler.Compile(query, source)
                : query.Shape switch
            {
                TotalShape => TotalCompiler.Compile(query, source),
                TopShape top => TopCompiler.Compile(query, top, source),
                HistogramShape histogram => HistogramCompiler.Compile(query, histogram),
                _ => throw new NotSupportedException($"Shape {query.Shape.ToKey()} is not supported."),
            };
            yield return (statement, [query]);
        }
    }

    /// <summary>
    /// How a batch would be answered if every month of the environments in <paramref name="rollupZones"/> had
    /// current rollups built in the given zone (other environments scan): one entry per statement, whether it
    /// reads rollups, and how many queries it answers.
    /// </summary>
    public static IReadOnlyList<(bool Rollup, int Queries, string Sql)> Explain(IReadOnlyList<ReportQuery> batch, IReadOnlyDictionary<string, string> rollupZones) =>
        Plan(batch.DistinctBy(q => q.CacheKey, StringComparer.Ordinal).ToArray(), (env, _) => rollupZones.GetValueOrDefault(env))
            .Select(p => (!p.Statement.Sql.Contains("FROM event e", StringComparison.Ordinal), p.Queries.Count, p.Statement.Sql))
            .ToArray();

    /// <summary>
    /// The months of <paramref name="environments"/> whose rollups are current, with the zone they were built in,
    /// read in the batch's snapshot: a month made stale by a write committed before it is scanned.
    /// </summary>
    private static Dictionary<(string Env, int Month), string> ReadCurrentMonths(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> environments)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new SqlText();
        command.CommandText = $"SELECT env, month, zone FROM report_rollup_month WHERE current = 1 AND env IN {sql.List(environments)}";
        sql.Bind(command);
        SqliteDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The store has no report tables: open it with a ReportRollupObserver among its insert observers.", e);
        }
        using var _ = reader;
        var months = new Dictionary<(string, int), string>();
        while (reader.Read()) months[(reader.GetString(0), reader.GetInt32(1))] = reader.GetString(2);
        return months;
    }
}
