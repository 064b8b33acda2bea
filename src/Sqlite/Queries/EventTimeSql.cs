namespace GraphReports.Sqlite.Queries;

/// <summary>
/// Instants as the store's <c>event</c> table keeps them (<see cref="Schema.StoreSchema"/>): <c>ts_ms</c>, UTC
/// milliseconds since 1970 (floored), and <c>ts_sub_ms_ticks</c>, the 100 ns ticks below that millisecond.
/// Period conditions stay exact for bounds that are not whole milliseconds, and stay a plain <c>ts_ms</c>
/// range (served by the <c>(env, type, ts_ms)</c> index) for the bounds that are: every month, day and week.
/// </summary>
internal static class EventTimeSql
{
    /// <summary>The full-precision instant of an event row, in ticks since 1970 (for comparing two events).</summary>
    public static string Instant(string alias) => $"({alias}.ts_ms * {TimeSpan.TicksPerMillisecond} + {alias}.ts_sub_ms_ticks)";

    /// <summary>The conditions for <c>from &lt;= timestamp &lt; to</c> on the rows of <paramref name="alias"/>.</summary>
    public static IEnumerable<string> Range(string alias, DateTimeOffset from, DateTimeOffset to, SqlText sql)
    {
        var (fromMs, fromSub) = StoredTime.Split(from);
        yield return $"{alias}.ts_ms >= {sql.Param(fromMs)}";
        if (fromSub != 0) yield return $"({alias}.ts_ms > {sql.Param(fromMs)} OR {alias}.ts_sub_ms_ticks >= {sql.Param(fromSub)})";
        var (toMs, toSub) = StoredTime.Split(to);
        if (toSub == 0)
        {
            yield return $"{alias}.ts_ms < {sql.Param(toMs)}";
            yield break;
        }
        yield return $"{alias}.ts_ms <= {sql.Param(toMs)}";
        yield return $"({alias}.ts_ms < {sql.Param(toMs)} OR {alias}.ts_sub_ms_ticks < {sql.Param(toSub)})";
    }

    /// <summary>The millisecond an instant falls in (as stored in <c>ts_ms</c>).</summary>
    public static long FloorMilliseconds(DateTimeOffset instant) => StoredTime.Split(instant).Ms;

    /// <summary>The first whole millisecond at or after an instant.</summary>
    public static long CeilingMilliseconds(DateTimeOffset instant) => StoredTime.Split(instant) is var (ms, sub) && sub == 0 ? ms : ms + 1;

}
