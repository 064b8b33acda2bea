namespace GraphReports.Analytics.Tests;

/// <summary>A real <see cref="TimeProvider"/> whose "now" is chosen by the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
