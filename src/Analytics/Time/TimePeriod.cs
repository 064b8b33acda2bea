namespace GraphReports.Analytics.Time;

/// <summary>
/// A half-open span of instants <c>[Start, End)</c>, the shape in which every period reaches a
/// store (events carry UTC milliseconds, compared with <see cref="StartUnixMs"/> and <see cref="EndUnixMs"/>).
/// </summary>
public readonly record struct TimePeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public long StartUnixMs => Start.ToUnixTimeMilliseconds();

    public long EndUnixMs => End.ToUnixTimeMilliseconds();

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public TimeSpan Duration => End - Start;
}
