using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file on a thread of its own, so
/// that the writer never does it inside a commit (SQLite's automatic checkpoint runs on the committing
/// connection: measured at 5-10 % of a bulk import's writer time, plus the database file's fsync).
/// Woken after each commit; a PASSIVE checkpoint never blocks the writer nor readers. Should it fall
/// behind (a long read holding old pages), the log grows until it can catch up, and the writer's own
/// checkpoint at <see cref="WriterFallbackPages"/> caps it.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>The writer connection's <c>wal_autocheckpoint</c>: far above what this thread lets the log reach.</summary>
    public const int WriterFallbackPages = 100_000;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public WalCheckpointer(SqliteStoreOptions options)
    {
        _connection = StoreConnections.OpenCheckpointer(options);
        _thread = new Thread(Run) { IsBackground = true, Name = "GraphReports WAL checkpointer" };
        _thread.Start();
    }

    /// <summary>Called by the writer after a commit.</summary>
    public void Committed()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    private void Run()
    {
        while (true)
        {
            _wake.Wait();
            if (_stopping) return;
            try
            {
                StoreConnections.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SqliteException)
            {
                // Busy or interrupted: the next commit wakes it again; nothing is lost, the log is only longer.
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Release();
        _thread.Join();
        _connection.Dispose();
        _wake.Dispose();
    }
}
