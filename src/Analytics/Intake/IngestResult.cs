namespace GraphReports.Analytics.Intake;

/// <summary>One event that was not stored: its 0-based position in the request, why (naming the field), and for NDJSON its line.</summary>
public sealed record RejectedEvent(int Index, string Error, long? Line = null);

/// <summary>
/// The answer to one batch: <see cref="Accepted"/> events are newly stored and durable,
/// <see cref="Duplicates"/> had an id already stored (or earlier in the same batch) and changed
/// nothing, and every other event is in <see cref="Rejected"/>.
/// </summary>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected);
