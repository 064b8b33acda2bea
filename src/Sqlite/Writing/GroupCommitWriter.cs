using System.Threading.Channels;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// The store's only writer: a dedicated thread owns the write connection; callers queue batches and
/// await them. Each turn takes every batch queued meanwhile (up to a size cap) and commits them in
/// ONE transaction, so concurrent callers share one commit and its fsync; each caller's task
/// completes only after the commit that holds its events. If a turn's transaction fails, each batch
/// is retried in its own transaction, so one bad batch fails alone. A <see cref="WriterJob"/> runs alone
/// in a transaction of its own, in queue order.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private readonly Channel<IQueuedWork> _queue =
        Channel.CreateUnbounded<IQueuedWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly EventInserter _inserter;
    private readonly IReadOnlyList<IInsertObserver> _observers;
    private readonly WalCheckpointer _checkpointer;
    private readonly bool _fullSync;
    private bool _syncingNow;
    private readonly int _maxEventsPerCommit;
    private readonly Thread _thread;
    private readonly List<WriteRequest> _turn = [];
    private readonly List<WriteRequest> _single = [null!];

    public GroupCommitWriter(SqliteConnection connection, IReadOnlyList<IInsertObserver> observers, SqliteStoreOptions options)
    {
        _connection = connection;
        _observers = observers;
        _maxEventsPerCommit = options.MaxEventsPerCommit;
        _fullSync = options.Durability == CommitDurability.Full;
        _syncingNow = _fullSync; // as StoreConnections.OpenWriter set it
        _inserter = new EventInserter(connection, options.InternCacheSize);
        _checkpointer = new WalCheckpointer(options);
        _thread = new Thread(Run) { IsBackground = true, Name = "GraphReports store writer" };
        _thread.Start();
    }

    public Task<IReadOnlyList<WriteOutcome>> Enqueue(string environmentId, IReadOnlyList<ActivityEvent> events, bool durable, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(environmentId, events, durable, cancellationToken);
        if (!_queue.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(SqliteEventStore), "the store is closed");
        return request.Task;
    }

    public Task<T> Enqueue<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        var job = new WriterJob<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(job)) throw new ObjectDisposedException(nameof(SqliteEventStore), "the store is closed");
        return job.Task;
    }

    private void Run()
    {
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            _turn.Clear();
            var events = 0;
            while (_queue.Reader.TryPeek(out var next))
            {
                if (next is WriterJob job)
                {
                    if (_turn.Count > 0) break; // the batches queued before it commit first
                    _queue.Reader.TryRead(out _);
                    RunAlone(job);
                    continue;
                }
                var request = (WriteRequest)next;
                if (_turn.Count > 0 && events + request.Events.Count > _maxEventsPerCommit) break;
                _queue.Reader.TryRead(out _);
                if (request.CancellationToken.IsCancellationRequested) { request.Cancel(); continue; }
                _turn.Add(request);
                events += request.Events.Count;
            }
            if (_turn.Count == 0) continue;
            if (!TryCommit(_turn, out var error))
            {
                if (_turn.Count == 1) _turn[0].Fail(error!);
                else
                    foreach (var request in _turn)
                    {
                        _single[0] = request;
                        if (!TryCommit(_single, out var own)) request.Fail(own!);
                    }
            }
        }
    }

    /// <summary>Writes the requests in one transaction and completes them after the commit.</summary>
    private bool TryCommit(List<WriteRequest> requests, out Exception? error)
    {
        SqliteTransaction? transaction = null;
        try
        {
            SyncCommits(requests.Exists(r => r.Durable));
            transaction = _connection.BeginTransaction(deferred: false);
            _inserter.Begin();
            foreach (var request in requests) Write(request, transaction);
            foreach (var observer in _observers) observer.OnCommitting(_connection, transaction);
            transaction.Commit();
        }
        catch (Exception e)
        {
            try { transaction?.Rollback(); }
            catch (SqliteException) { } // the failed commit may already have rolled back
            _inserter.Rollback();
            foreach (var observer in _observers) observer.OnRolledBack();
            transaction?.Dispose();
            error = e;
            return false;
        }
        transaction.Dispose();
        _checkpointer.Committed();
        foreach (var request in requests) request.Succeed();
        error = null;
        return true;
    }

    private void RunAlone(WriterJob job)
    {
        if (job.CancellationToken.IsCancellationRequested) { job.Cancel(); return; }
        try
        {
            SyncCommits(true);
            using var transaction = _connection.BeginTransaction(deferred: false);
            job.Run(_connection, transaction);
            transaction.Commit();
            _checkpointer.Committed();
        }
        catch (Exception e)
        {
            job.Fail(e); // disposing the transaction rolled it back
            return;
        }
        job.Succeed();
    }

    /// <summary>Sets <c>synchronous</c> for the next commit: FULL when it must be durable (and the store is), else NORMAL.</summary>
    private void SyncCommits(bool durable)
    {
        var full = durable && _fullSync;
        if (full == _syncingNow) return;
        StoreConnections.Execute(_connection, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        _syncingNow = full;
    }

    private void Write(WriteRequest request, SqliteTransaction transaction)
    {
        var env = _inserter.EnvironmentKey(request.EnvironmentId);
        for (var i = 0; i < request.Events.Count; i++)
        {
            var e = request.Events[i];
            var outcome = _inserter.Insert(env, e, out var rowId, out var keys);
            request.Outcomes[i] = outcome;
            if (outcome != WriteOutcome.Inserted || _observers.Count == 0) continue;
            var inserted = new InsertedEvent(rowId, env, request.EnvironmentId, e, keys);
            foreach (var observer in _observers) observer.OnInserted(_connection, transaction, in inserted);
        }
    }

    /// <summary>Lets queued batches finish, then stops the thread.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _checkpointer.Dispose();
        _inserter.Dispose();
    }
}
