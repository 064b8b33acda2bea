using GraphReports.Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite;

/// <summary>Tells SQLite's failures of the store itself (full, read-only, locked, I/O) from everything else.</summary>
internal static class StoreFailures
{
    // Primary result codes, https://sqlite.org/rescode.html
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26, Perm = 3;

    /// <summary>The <see cref="StoreUnavailableException"/> for <paramref name="error"/>, or null when it is not a failure of the store.</summary>
    public static StoreUnavailableException? Classify(Exception error, string path)
    {
        if (error is StoreUnavailableException known) return known;
        if (error is not SqliteException sqlite) return null;
        var (cause, what) = sqlite.SqliteErrorCode switch
        {
            Full => (StoreFailureCause.DiskFull, "the disk holding the store is full"),
            ReadOnly or Perm => (StoreFailureCause.ReadOnly, "the store file cannot be written (read-only file, folder or disk)"),
            Busy or Locked => (StoreFailureCause.Locked, "the store file is locked by another connection or process"),
            IoErr or CantOpen => (StoreFailureCause.IoError, "the operating system reported an I/O error on the store file"),
            Corrupt or NotADb => (StoreFailureCause.Corrupt, "the store file is damaged"),
            _ => ((StoreFailureCause?)null, ""),
        };
        return cause is { } c ? new StoreUnavailableException(c, $"The store cannot take writes: {what} ({System.IO.Path.GetFileName(path)}: SQLite error {sqlite.SqliteExtendedErrorCode}).", sqlite) : null;
    }
}
