using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// A statement prepared once on the writer connection's native handle and reused for every event.
/// The writer's hot path binds through SQLitePCL directly: measured at about a third of the CPU of
/// <see cref="SqliteCommand"/> for a 32-column insert (bench/RESULTS.md), since nothing is boxed or
/// re-inspected per parameter. It runs on the same connection, so it takes part in the
/// <see cref="SqliteTransaction"/> the writer opened. Parameters are numbered from 1.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    /// <summary>Runs the statement; the first column of its first row when it returns one, else null.</summary>
    public long? ExecuteInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW) return raw.sqlite3_column_int64(_statement, 0);
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
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
        return raw.sqlite3_changes(_db);
    }

    /// <summary>
    /// Runs an INSERT; the new row's id, or null when the insert was ignored (ON CONFLICT DO NOTHING).
    /// Cheaper than <c>RETURNING</c>, which makes SQLite buffer the returned row in a temporary table
    /// (measured: a third of the insert's time).
    /// </summary>
    public long? ExecuteInsert() => ExecuteChanges() == 0 ? null : raw.sqlite3_last_insert_rowid(_db);

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _statement.Dispose();
}
