namespace GraphReports.Api.Tests;

/// <summary>
/// A clock that starts at an instant the test chooses and then runs like the real one: for hosts
/// whose "now" a test fixes (so the data it checks exists whatever today is) while their timers and
/// timeouts still see time pass.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started);
}
