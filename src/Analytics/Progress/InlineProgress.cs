namespace GraphReports.Analytics.Progress;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, in order, as the work reports
/// (<see cref="Progress{T}"/> posts each report to the thread pool, so reports could arrive late or reordered).
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
