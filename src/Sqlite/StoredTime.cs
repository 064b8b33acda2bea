namespace GraphReports.Sqlite;

/// <summary>
/// How the store keeps an instant: <c>ts_ms</c>, UTC milliseconds since 1970 (floored, also before
/// 1970), and <c>ts_sub_ms_ticks</c>, the 100 ns ticks below that millisecond (0..9999). The writer
/// stores events this way and the report compiler turns period bounds into the same two numbers.
/// </summary>
internal static class StoredTime
{
    public static (long Ms, long SubMsTicks) Split(DateTimeOffset instant)
    {
        var ms = Math.DivRem(instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, TimeSpan.TicksPerMillisecond, out var sub);
        return sub < 0 ? (ms - 1, sub + TimeSpan.TicksPerMillisecond) : (ms, sub);
    }
}
