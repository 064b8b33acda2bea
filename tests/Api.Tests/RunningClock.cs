namespace GraphReports.Api.Tests;

/// <summary>
/// A clock that starts at an instant the test chooses and then runs like the real one: for hosts
/// whose "now" a test fixes (so the data it checks exists whatever today is) while their timers and
/// timeouts still see time pass. <see cref="Jump"/> moves it on (a month turning during a test).
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();
    private long _jumpedTicks;

    /// <summary>Moves "now" forward by <paramref name="by"/>; the clock keeps running from there.</summary>
    public void Jump(TimeSpan by) => Interlocked.Add(ref _jumpedTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() =>
        start.ToUniversalTime() + TimeSpan.FromTicks(Interlocked.Read(ref _jumpedTicks)) + System.GetElapsedTime(_started);
}
