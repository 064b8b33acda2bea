namespace GraphReports.Analytics.Storage;

/// <summary>
/// Marks a failure of the place events are written to (the store, or the queue in front of it), not
/// of the events: nothing of the call was kept and the producer retries later. Intake never blames
/// an event for such a failure, so it does not split the batch to find one.
/// </summary>
public interface IWriterUnavailable;
