using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Storage;

/// <summary>What became of one event handed to a store.</summary>
public enum WriteOutcome
{
    /// <summary>Stored now; it counts.</summary>
    Inserted = 1,
    /// <summary>An event with the same id was already stored in this environment; nothing changed.</summary>
    Duplicate = 2,
}

/// <summary>
/// The seam between intake and a store. <see cref="WriteAsync"/> completes only once every
/// inserted event is durable (committed), which is what lets intake acknowledge a batch.
/// Outcomes are in the order of the events given.
/// </summary>
public interface IEventWriter
{
    Task<IReadOnlyList<WriteOutcome>> WriteAsync(
        string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default);
}
