using System.Threading.Channels;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// The store's only writer: a dedicated thread owns the write connection; callers queue batches and
/// await them. The writer keeps one transaction open and writes every batch it finds queued into it,
/// committing when nothing more is waiting, when the transaction holds <see cref="SqliteStoreOptions.MaxEventsPerCommit"/>
/// events, before a <see cref="WriterJob"/>, or when the next batch needs another durability. So concurrent
/// callers share one commit and its fsync, and a bulk import that keeps the queue fed commits large
/// transactions (fewer rewrites of the same index pages into the log: bench/RESULTS.md, "Ingest").
/// Each caller's task completes only after the commit that holds its events. If a transaction fails,
/// each batch in it is retried in a transaction of its own, so one bad batch fails alone; a bulk
/// batch, whose events were let go once written, fails with its transaction. A <see cref="WriterJob"/>
/// runs alone in a transaction of its own, in queue order.
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

    // The open transaction and the batches written into it, which complete when it commits.
    private SqliteTransaction? _transaction;
    private readonly List<WriteRequest> _open = [];
    private int _openEvents;

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

    /// <summary>Queues a batch; the request tells when it is written and when it is committed.</summary>
    public WriteRequest Enqueue(string environmentId, IReadOnlyList<ActivityEvent> events, bool durable, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(environmentId, events, durable, cancellationToken);
        if (!_queue.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(SqliteEventStore), "the store is closed");
        return request;
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
            while (_queue.Reader.TryPeek(out var next))
            {
                if (next is WriterJob job)
                {
                    CommitOpen(); // the batches queued before it commit first
                    _queue.Reader.TryRead(out _);
                    RunAlone(job);
                    continue;
                }
                var request = (WriteRequest)next;
                if (_transaction is not null && (_openEvents + request.Count > _maxEventsPerCommit || FullSync(request.Durable) != _syncingNow)) CommitOpen();
                _queue.Reader.TryRead(out _);
                if (request.CancellationToken.IsCancellationRequested) { request.Cancel(); continue; }
                WriteIntoOpen(request);
            }
            CommitOpen(); // nothing is waiting: make what the transaction holds durable and visible
        }
    }

    /// <summary>Whether a commit holding a batch must sync the log: the batch is durable, and so is the store.</summary>
    private bool FullSync(bool durable) => durable && _fullSync;

    /// <summary>Writes a batch into the open transaction, beginning one when none is open.</summary>
    private void WriteIntoOpen(WriteRequest request)
    {
        try
        {
            if (_transaction is null)
            {
                SyncCommits(request.Durable);
                _transaction = _connection.BeginTransaction(deferred: false);
                _inserter.Begin();
            }
            Write(request, _transaction);
        }
        catch (Exception e)
        {
            RollBackOpen(e, request);
            return;
        }
        _open.Add(request);
        _openEvents += request.Count;
        if (!request.Durable) request.ReleaseEvents();
        request.MarkWritten();
    }

    /// <summary>Commits the open transaction, if any, and completes its batches.</summary>
    private void CommitOpen()
    {
        if (_transaction is not { } transaction) return;
        try
        {
            foreach (var observer in _observers) observer.OnCommitting(_connection, transaction);
            transaction.Commit();
        }
        catch (Exception e)
        {
            RollBackOpen(e, failed: null);
            return;
        }
        transaction.Dispose();
        _transaction = null;
        _checkpointer.Committed();
        foreach (var request in _open) request.Succeed();
        _open.Clear();
        _openEvents = 0;
    }

    /// <summary>
    /// Rolls the open transaction back after <paramref name="error"/> (raised by <paramref name="failed"/> when
    /// known), then retries each of its batches in a transaction of its own, so that only a bad one fails
    /// (a batch alone in a failed transaction fails with its error).
    /// </summary>
    private void RollBackOpen(Exception error, WriteRequest? failed)
    {
        try { _transaction?.Rollback(); }
        catch (SqliteException) { } // the failed commit may already have rolled back
        _inserter.Rollback();
        foreach (var observer in _observers) observer.OnRolledBack();
        _transaction?.Dispose();
        _transaction = null;

        var batches = new List<WriteRequest>(_open);
        if (failed is not null) batches.Add(failed);
        _open.Clear();
        _openEvents = 0;
        if (batches.Count == 1) { batches[0].Fail(error); return; }
        foreach (var request in batches)
        {
            if (request.Events is null) { request.Fail(error); continue; } // a bulk batch, let go once written
            WriteIntoOpen(request);
            CommitOpen();
        }
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
        var full = FullSync(durable);
        if (full == _syncingNow) return;
        StoreConnections.Execute(_connection, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        _syncingNow = full;
    }

    private void Write(WriteRequest request, SqliteTransaction transaction)
    {
        var env = _inserter.EnvironmentKey(request.EnvironmentId);
        var events = request.Events!;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
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
