using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Sqlite.Schema;
using GraphReports.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite;

/// <summary>
/// The embedded store: events of every environment in one SQLite file (WAL), written by one
/// group-commit writer, read by any number of connections, in this process or others.
/// </summary>
/// <remarks>
/// Open one per file per process with <see cref="Open"/>; it is thread-safe. <see cref="WriteAsync"/>
/// completes once the batch is committed (durable with the default <see cref="CommitDurability.Full"/>),
/// with one <see cref="WriteOutcome"/> per event: the first event stored with an (environment, id)
/// wins, later ones are <see cref="WriteOutcome.Duplicate"/> and change nothing, within a batch too.
/// Processes that only read use <see cref="SqliteStoreReader"/> on the same file.
/// </remarks>
public sealed class SqliteEventStore : IEventWriter, IDisposable
{
    private readonly SqliteConnection _writerConnection;
    private readonly GroupCommitWriter _writer;
    private readonly IReadOnlyList<IInsertObserver> _observers;
    private int _disposed;

    /// <summary>Batches an import keeps queued ahead of the writer (each in memory until written).</summary>
    private const int BatchesAhead = 2;

    private SqliteEventStore(SqliteStoreOptions options, SqliteConnection writerConnection, GroupCommitWriter writer, IReadOnlyList<IInsertObserver> observers)
    {
        Options = options;
        _writerConnection = writerConnection;
        _writer = writer;
        _observers = observers;
        Reader = new SqliteStoreReader(options);
    }

    public SqliteStoreOptions Options { get; }

    /// <summary>Read access to the same file (counts, connections for report queries).</summary>
    public SqliteStoreReader Reader { get; }

    /// <summary>
    /// Opens (creating when missing) the store file, checks or creates its schema, initializes the
    /// observers on the writer connection and starts the writer.
    /// </summary>
    /// <param name="options">The file and its settings.</param>
    /// <param name="observers">Called inside the write transaction for each inserted event, see <see cref="IInsertObserver"/>.</param>
    /// <exception cref="StoreSchemaException">The file has a schema version this build does not know.</exception>
    public static SqliteEventStore Open(SqliteStoreOptions options, IEnumerable<IInsertObserver>? observers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        var connection = StoreConnections.OpenWriter(options);
        try
        {
            StoreSchema.Ensure(connection, options.Path);
            var list = observers?.ToArray() ?? [];
            foreach (var observer in list) observer.Initialize(connection);
            return new SqliteEventStore(options, connection, new GroupCommitWriter(connection, list, options), list);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stores a batch for an environment. Completes after the commit that holds it, with one outcome
    /// per event in order. Concurrent calls share commits. A cancellation observed before the batch
    /// is taken up cancels it; once in a transaction it completes.
    /// </summary>
    /// <exception cref="ArgumentException">An empty environment id, or an event without a valid id.</exception>
    /// <exception cref="StoreUnavailableException">The store itself failed (disk full, read-only, locked, I/O): nothing of the batch was stored.</exception>
    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(
        string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
    {
        Validate(environmentId, events);
        if (events.Count == 0) return Task.FromResult<IReadOnlyList<WriteOutcome>>([]);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return Observed(_writer.Enqueue(environmentId, events, durable: true, cancellationToken).Task);
    }

    /// <summary>What the store last saw of itself (for readiness checks): its latest failure, cleared by a later successful write.</summary>
    public StoreHealth Health { get; } = new();

    /// <summary>
    /// Commits an empty change (the schema version, rewritten as it is) through the writer: succeeds when
    /// the store can commit now, else throws <see cref="StoreUnavailableException"/> naming the cause.
    /// </summary>
    public Task ProbeWriteAsync(CancellationToken cancellationToken = default) =>
        Observed(RunExclusiveAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"PRAGMA user_version = {StoreSchema.Version}";
            command.ExecuteNonQuery();
            return 0;
        }, cancellationToken));

    /// <summary>Turns the store's own failures into <see cref="StoreUnavailableException"/> and keeps <see cref="Health"/> up to date.</summary>
    private async Task<T> Observed<T>(Task<T> write)
    {
        try
        {
            var result = await write.ConfigureAwait(false);
            Health.ReportSuccess();
            return result;
        }
        catch (Exception e) when (StoreFailures.Classify(e, Options.Path) is { } failure)
        {
            Health.ReportFailure(failure);
            if (ReferenceEquals(failure, e)) throw;
            throw failure;
        }
    }

    private static void Validate(string environmentId, IReadOnlyList<ActivityEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentId);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
            if (e is null || string.IsNullOrEmpty(e.Id) || e.Id.Length > EventJsonReader.MaxIdLength)
                throw new ArgumentException("every event needs an id of 1 to 64 characters; validate events with EventJsonReader first", nameof(events));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer connection, alone, in a write transaction of its own
    /// that commits when it returns (and rolls back when it throws): no event is inserted meanwhile, so
    /// what it derives from the stored events is exact when it commits. Queued behind the batches
    /// already waiting. For maintenance such as rebuilding a month's report rollups; keep it short,
    /// since intake waits for it.
    /// </summary>
    public Task<T> RunExclusiveAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _writer.Enqueue(work, cancellationToken);
    }

    /// <summary>
    /// Before a bulk load into a store holding fewer events than the load brings: drops the secondary
    /// indexes of <c>event</c> (<see cref="StoreSchema.SecondaryIndexes"/>), so that inserts maintain only
    /// the idempotency index. Duplicates are still recognised. Reads stay exact but scan without them
    /// until <see cref="CreateSecondaryIndexesAsync"/> (or the next open of the store) builds them again.
    /// </summary>
    public Task DropSecondaryIndexesAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync((connection, transaction) => { StoreSchema.DropSecondaryIndexes(connection, transaction); return 0; }, cancellationToken);

    /// <summary>Builds the secondary indexes that are missing, each with one sort of the table (after a bulk load).</summary>
    public Task CreateSecondaryIndexesAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync((connection, transaction) => { StoreSchema.CreateSecondaryIndexes(connection, transaction); return 0; }, cancellationToken);

    /// <summary>
    /// The bulk path: streams events into an environment in batches of <paramref name="batchSize"/>,
    /// keeping up to <see cref="BatchesAhead"/> batches queued for the writer so that reading the input
    /// overlaps writing and the writer never waits for the next batch. The writer puts consecutive batches
    /// into one transaction of up to <see cref="SqliteStoreOptions.MaxEventsPerCommit"/> events: the
    /// import waits for its batches to be written, not committed (bench/RESULTS.md, "Ingest").
    /// Memory stays flat whatever the input's length: a batch's events are let go once written. Batches
    /// commit without waiting for the disk but the last, whose commit syncs the log and with it every batch
    /// before: when the returned task completes, everything is durable. A failed transaction fails the
    /// import; so can a power loss, which can lose its latest batches. An import is idempotent (events are
    /// keyed by id), so running it again completes it.
    /// </summary>
    public async Task<ImportTotals> ImportAsync(
        string environmentId, IAsyncEnumerable<ActivityEvent> events, int batchSize = 1_000,
        IProgress<ImportTotals>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentId);
        var totals = new ImportTotals(0, 0);
        var unwritten = new Queue<WriteRequest>();
        var uncommitted = new Queue<Task<IReadOnlyList<WriteOutcome>>>();
        var batch = new List<ActivityEvent>(batchSize);

        void Submit(bool durable)
        {
            Validate(environmentId, batch);
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            var request = _writer.Enqueue(environmentId, batch, durable, cancellationToken);
            unwritten.Enqueue(request);
            uncommitted.Enqueue(request.Task);
        }

        async Task Harvest(bool all)
        {
            while (uncommitted.TryPeek(out var next) && (all || next.IsCompleted))
            {
                totals += ImportTotals.Of(await Observed(uncommitted.Dequeue()).ConfigureAwait(false));
                progress?.Report(totals);
            }
        }

        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // A full batch goes once the next event shows it is not the last: only the last must wait for the disk.
            if (batch.Count == batchSize)
            {
                Submit(durable: false);
                batch = new List<ActivityEvent>(batchSize);
                while (unwritten.Count > BatchesAhead) await unwritten.Dequeue().Written.ConfigureAwait(false);
                await Harvest(all: false).ConfigureAwait(false);
            }
            batch.Add(e);
        }
        if (batch.Count > 0) Submit(durable: true);
        await Harvest(all: true).ConfigureAwait(false);
        return totals;
    }

    /// <inheritdoc cref="ImportAsync(string, IAsyncEnumerable{ActivityEvent}, int, IProgress{ImportTotals}?, CancellationToken)"/>
    public Task<ImportTotals> ImportAsync(
        string environmentId, IEnumerable<ActivityEvent> events, int batchSize = 1_000,
        IProgress<ImportTotals>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(environmentId, ToAsync(events), batchSize, progress, cancellationToken);

    private static async IAsyncEnumerable<ActivityEvent> ToAsync(IEnumerable<ActivityEvent> events)
    {
        foreach (var e in events) yield return e;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Waits for queued batches to commit, stops the writer, disposes the observers that are disposable and closes the file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _writer.Dispose();
        foreach (var observer in _observers) (observer as IDisposable)?.Dispose(); // their statements, before the connection
        _writerConnection.Dispose();
        Reader.Dispose();
    }
}

/// <summary>Counts of an import: events stored now, and events whose id was already stored.</summary>
public readonly record struct ImportTotals(long Inserted, long Duplicates)
{
    public long Total => Inserted + Duplicates;

    public static ImportTotals operator +(ImportTotals a, ImportTotals b) => new(a.Inserted + b.Inserted, a.Duplicates + b.Duplicates);

    public static ImportTotals Of(IReadOnlyList<WriteOutcome> outcomes)
    {
        long inserted = 0;
        foreach (var o in outcomes) if (o == WriteOutcome.Inserted) inserted++;
        return new ImportTotals(inserted, outcomes.Count - inserted);
    }
}
