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
/// is retried in its own transaction, so one bad batch fails alone.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private readonly Channel<WriteRequest> _queue =
        Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly EventInserter _inserter;
    private readonly IReadOnlyList<IInsertObserver> _observers;
    private readonly int _maxEventsPerCommit;
    private readonly Thread _thread;
    private readonly List<WriteRequest> _turn = [];
    private readonly List<WriteRequest> _single = [null!];

    public GroupCommitWriter(SqliteConnection connection, IReadOnlyList<IInsertObserver> observers, SqliteStoreOptions options)
    {
        _connection = connection;
        _observers = observers;
        _maxEventsPerCommit = options.MaxEventsPerCommit;
        _inserter = new EventInserter(connection, options.InternCacheSize);
        _thread = new Thread(Run) { IsBackground = true, Name = "GraphReports store writer" };
        _thread.Start();
    }

    public Task<IReadOnlyList<WriteOutcome>> Enqueue(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(environmentId, events, cancellationToken);
        if (!_queue.Writer.TryWrite(request)) throw new ObjectDisposedException(nameof(SqliteEventStore), "the store is closed");
        return request.Task;
    }

    private void Run()
    {
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            _turn.Clear();
            var events = 0;
            while (_queue.Reader.TryPeek(out var next) && (_turn.Count == 0 || events + next.Events.Count <= _maxEventsPerCommit))
            {
                _queue.Reader.TryRead(out _);
                if (next.CancellationToken.IsCancellationRequested) { next.Cancel(); continue; }
                _turn.Add(next);
                events += next.Events.Count;
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
        foreach (var request in requests) request.Succeed();
        error = null;
        return true;
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
        _inserter.Dispose();
    }
}
