using GraphReports.Analytics.Storage;

namespace GraphReports.Elasticsearch.Writing;

/// <summary>One event Elasticsearch refused: its position in the batch written, its id, the item status and reason.</summary>
public sealed record EventWriteFailure(int Index, string EventId, int Status, string Reason);

/// <summary>
/// Some events of a write were refused (not retried forever: 429 up to the configured retries, any other
/// error at once). The write is not acknowledged, so its producer sends it again; the events already
/// stored (<see cref="Outcomes"/>) are then duplicates, so nothing is counted twice.
/// </summary>
public sealed class BulkWriteException(IReadOnlyList<EventWriteFailure> failures, IReadOnlyList<WriteOutcome?> outcomes)
    : Exception(Describe(failures, outcomes.Count))
{
    public IReadOnlyList<EventWriteFailure> Failures { get; } = failures;

    /// <summary>What became of each event of the write; null for the failed ones.</summary>
    public IReadOnlyList<WriteOutcome?> Outcomes { get; } = outcomes;

    private static string Describe(IReadOnlyList<EventWriteFailure> failures, int total) =>
        $"Elasticsearch refused {failures.Count} of {total} events: "
        + string.Join("; ", failures.Take(5).Select(f => $"#{f.Index} (id '{f.EventId}') {f.Status} {f.Reason}"))
        + (failures.Count > 5 ? $"; and {failures.Count - 5} more" : "") + ".";
}
