namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Opens the store the way every host must: with the <see cref="ReportRollupObserver"/> in its writer,
/// so that whatever path writes an event (the collector, <c>import</c>, the demo loader) also keeps the
/// report tables exact. A store opened without it would accept events that reports never count.
/// It also keeps the months' cache generations (<see cref="Caching.MonthGenerationObserver"/>), so that
/// cached answers about a month are never read again once an event of that month is stored.
/// </summary>
public static class ReportingStore
{
    /// <param name="options">Where the store lives and how it commits.</param>
    /// <param name="zoneOf">The IANA time zone of an environment id: its months are rolled up in that zone.</param>
    public static SqliteEventStore Open(SqliteStoreOptions options, Func<string, TimeZoneInfo> zoneOf) =>
        SqliteEventStore.Open(options, [new ReportRollupObserver(zoneOf), new Caching.MonthGenerationObserver(zoneOf)]);
}
