using GraphReports.Analytics.Events;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// An environment's recent rows as one batch sees them: the rows stored up to its SQLite snapshot's last row id, in
/// partitions of one event type and one UTC month, so that a query reads only the partitions its filter can match.
/// </summary>
internal sealed class RecentSnapshot(IReadOnlyList<RecentPartition> partitions, long visibleThrough, RecentNameCache names)
{
    /// <summary>Rows with a greater row id were stored after the batch's snapshot began: they are skipped.</summary>
    public long VisibleThrough { get; } = visibleThrough;

    public RecentNameCache Names { get; } = names;

    /// <summary>The partitions of the given types that overlap [from, to).</summary>
    public IEnumerable<RecentPartition> Partitions(IReadOnlyList<EventType> types, long fromTicks, long toTicks) =>
        partitions.Where(p => types.Contains(p.Type) && p.StartTicks < toTicks && p.EndTicks > fromTicks);
}

/// <summary>The rows of one event type whose timestamps lie in [StartTicks, EndTicks) (a UTC month).</summary>
internal sealed record RecentPartition(EventType Type, long StartTicks, long EndTicks, RecentColumnsView Rows);
