using GraphReports.Analytics.Events;

namespace GraphReports.Sqlite.Recent;

/// <summary>An environment's recent rows as one batch sees them: the rows stored up to its SQLite snapshot's last row id.</summary>
internal sealed class RecentSnapshot(RecentColumnsView?[] byType, long visibleThrough)
{
    /// <summary>Rows with a greater row id were stored after the batch's snapshot began: they are skipped.</summary>
    public long VisibleThrough { get; } = visibleThrough;

    public RecentColumnsView? Rows(EventType type) => byType[(int)type];
}
