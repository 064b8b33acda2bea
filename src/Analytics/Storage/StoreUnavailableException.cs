namespace GraphReports.Analytics.Storage;

/// <summary>Why a store could not take or give data; the part of a failure an operator acts on.</summary>
public enum StoreFailureCause
{
    /// <summary>The disk (or the store's size limit) is full.</summary>
    DiskFull = 1,
    /// <summary>The store's file or folder cannot be written.</summary>
    ReadOnly = 2,
    /// <summary>Another connection or process holds a lock longer than the store waits.</summary>
    Locked = 3,
    /// <summary>The operating system reported an input/output error, or the file cannot be opened.</summary>
    IoError = 4,
    /// <summary>The file is damaged or not a store.</summary>
    Corrupt = 5,
}

/// <summary>
/// The store itself failed (not the data given to it): nothing of the call was stored, and retrying
/// later can succeed. Hosts answer 503 with the <see cref="Cause"/>; intake does not blame an event
/// for it.
/// </summary>
public sealed class StoreUnavailableException(StoreFailureCause cause, string message, Exception? inner = null)
    : Exception(message, inner), IWriterUnavailable
{
    public StoreFailureCause Cause { get; } = cause;

    /// <summary>A short stable code for answers and logs: <c>disk_full</c>, <c>read_only</c>, <c>locked</c>, <c>io_error</c>, <c>corrupt</c>.</summary>
    public string Code => Cause switch
    {
        StoreFailureCause.DiskFull => "disk_full",
        StoreFailureCause.ReadOnly => "read_only",
        StoreFailureCause.Locked => "locked",
        StoreFailureCause.IoError => "io_error",
        _ => "corrupt",
    };
}
