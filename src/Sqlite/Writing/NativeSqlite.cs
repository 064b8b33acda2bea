using System.Runtime.InteropServices;

namespace GraphReports.Sqlite.Writing;

/// <summary>
/// The few SQLite calls of the writer's per-event hot path, imported from the same native library
/// SQLitePCLRaw loads (e_sqlite3), on raw handles. SQLitePCLRaw's own calls take safe handles, whose
/// reference counting and GC transition cost more than the short calls themselves (perf: about 30 ns
/// a call, 37 calls an event). Calls that never block nor call back run without a GC transition;
/// <c>sqlite3_step</c>, which does I/O, keeps it.
/// </summary>
internal static class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition]
    public static extern int BindInt64(IntPtr statement, int index, long value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
    public static extern int BindNull(IntPtr statement, int index);

    [DllImport(Library, EntryPoint = "sqlite3_bind_text16"), SuppressGCTransition]
    public static extern int BindText16(IntPtr statement, int index, ref byte utf16, int bytes, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset"), SuppressGCTransition]
    public static extern int Reset(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64"), SuppressGCTransition]
    public static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    public static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_changes"), SuppressGCTransition]
    public static extern int Changes(IntPtr db);

    [DllImport(Library, EntryPoint = "sqlite3_last_insert_rowid"), SuppressGCTransition]
    public static extern long LastInsertRowId(IntPtr db);
}
