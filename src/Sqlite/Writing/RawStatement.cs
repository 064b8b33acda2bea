using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// A statement prepared once on the writer connection's native handle and reused for every event.
/// The writer's hot path binds through SQLitePCL directly: measured at about a third of the CPU of
/// <see cref="SqliteCommand"/> for a 32-column insert (bench/RESULTS.md), since nothing is boxed or
/// re-inspected per parameter. It runs on the same connection, so it takes part in the
/// <see cref="SqliteTransaction"/> the writer opened. Parameters are numbered from 1. The per-event
/// calls go through <see cref="NativeSqlite"/> on the raw handles, which this object keeps alive.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private static readonly string EmptyText = "\0"; // a valid pointer for "", which a null pointer would bind as NULL
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _dbHandle;
    private readonly IntPtr _handle;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement));
        _dbHandle = _db.DangerousGetHandle();
        _handle = _statement.DangerousGetHandle();
    }

    public void Bind(int index, long value) => Check(NativeSqlite.BindInt64(_handle, index, value));

    public void Bind(int index, long? value) =>
        Check(value is { } v ? NativeSqlite.BindInt64(_handle, index, v) : NativeSqlite.BindNull(_handle, index));

    public void Bind(int index, string? value)
    {
        if (value is null) { Check(NativeSqlite.BindNull(_handle, index)); return; }
        ref var first = ref MemoryMarshal.GetReference(MemoryMarshal.AsBytes((value.Length == 0 ? EmptyText : value).AsSpan()));
        Check(NativeSqlite.BindText16(_handle, index, ref first, value.Length * sizeof(char), NativeSqlite.Transient));
    }

    /// <summary>Steps through a query's rows: true while there is one; call <see cref="Reset"/> when done (also when stopping early).</summary>
    public bool Read()
    {
        var rc = NativeSqlite.Step(_handle);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    /// <summary>A column of the current row as an integer; 0 when it is NULL.</summary>
    public long Int64(int column) => NativeSqlite.ColumnInt64(_handle, column);

    /// <summary>A column of the current row as an integer, or null.</summary>
    public long? NullableInt64(int column) => NativeSqlite.ColumnType(_handle, column) == raw.SQLITE_NULL ? null : NativeSqlite.ColumnInt64(_handle, column);

    /// <summary>Makes the statement ready to run again (its bindings stay).</summary>
    public void Reset() => NativeSqlite.Reset(_handle);

    /// <summary>Runs the statement; the first column of its first row when it returns one, else null.</summary>
    public long? ExecuteInt64()
    {
        try
        {
            var rc = NativeSqlite.Step(_handle);
            if (rc == raw.SQLITE_ROW) return NativeSqlite.ColumnInt64(_handle, 0);
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally
        {
            NativeSqlite.Reset(_handle);
        }
    }

    /// <summary>Runs the statement; the first column of its first row as text, or null when there is no row or it is null.</summary>
    public string? ExecuteText()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW) return raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, 0).utf8_to_string();
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement; the number of rows it changed.</summary>
    public int ExecuteChanges()
    {
        ExecuteInt64();
        return NativeSqlite.Changes(_dbHandle);
    }

    /// <summary>
    /// Runs an INSERT; the new row's id, or null when the insert was ignored (ON CONFLICT DO NOTHING).
    /// Cheaper than <c>RETURNING</c>, which makes SQLite buffer the returned row in a temporary table
    /// (measured: a third of the insert's time).
    /// </summary>
    public long? ExecuteInsert() => ExecuteChanges() == 0 ? null : NativeSqlite.LastInsertRowId(_dbHandle);

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _statement.Dispose();
}
