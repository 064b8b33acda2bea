using System.Collections.Concurrent;
using GraphReports.Analytics.Queries;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// The recent events of every environment a store's reports have asked about, in memory column by column, so that
/// figures about the open month (which no cache keeps, and which change with every event) are one pass over
/// arrays instead of SQL over rows (docs/reports.md, "Recent events in memory"). A query whose period starts at or
/// after <see cref="WindowStart"/> is answered from them; every other query reads the store as before.
/// </summary>
public sealed class RecentEvents
{
    private readonly Func<DateTimeOffset> _windowStart;
    private readonly ConcurrentDictionary<string, RecentEnvironment> _environments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> _texts = new();

    /// <param name="windowStart">The earliest instant held; read once per batch (it moves with the calendar).</param>
    public RecentEvents(Func<DateTimeOffset> windowStart) => _windowStart = windowStart;

    /// <summary>
    /// The current month and <paramref name="monthsBefore"/> months before it (UTC months, one day earlier still so
    /// that every zone's month is inside): the open month of every tenant, and its previous month's "to date" figures.
    /// </summary>
    public static RecentEvents OpenMonths(TimeProvider clock, int monthsBefore = 1) => new(() =>
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-monthsBefore).AddDays(-1);
    });

    /// <summary>Every event, whatever its time (tests answer every query this way).</summary>
    public static RecentEvents All() => new(() => DateTimeOffset.MinValue);

    /// <summary>The earliest instant held now.</summary>
    public DateTimeOffset WindowStart => _windowStart();

    /// <summary>Rows held for an environment (0 before its first batch).</summary>
    public int RowsOf(string environmentId) => _environments.TryGetValue(environmentId, out var e) ? e.Rows : 0;

    internal RecentSnapshot Snapshot(string environmentId, DateTimeOffset windowStart, SqliteConnection connection, SqliteTransaction transaction)
    {
        var environment = _environments.AddOrUpdate(environmentId,
            id => new RecentEnvironment(id, windowStart),
            (id, held) => held.WindowStart == windowStart ? held : new RecentEnvironment(id, windowStart));
        return environment.CatchUp(connection, transaction);
    }

    internal RecentTexts Texts() => new(_texts);
}
