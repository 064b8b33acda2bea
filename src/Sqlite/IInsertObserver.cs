using GraphReports.Analytics.Events;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite;

/// <summary>
/// Code that must change in the same transaction as the events, such as per-month rollup tables:
/// the store calls it inside its write transaction for every event actually inserted (never for a
/// duplicate), so the rollups and the events commit or roll back together.
/// </summary>
/// <remarks>
/// All calls come from the store's single writer thread, in this order: <see cref="Initialize"/>
/// once; then per transaction <see cref="OnInserted"/> for each inserted event, then either
/// <see cref="OnCommitting"/> (the last chance to write, e.g. to flush deltas gathered in memory)
/// or <see cref="OnRolledBack"/> (forget what was gathered: the same events may come again in a
/// retry). An exception thrown from <see cref="OnInserted"/> or <see cref="OnCommitting"/> fails the
/// batch that caused it; the store retries the other callers' batches without it.
/// Commands must run on the given connection with <c>command.Transaction = transaction</c>.
/// </remarks>
public interface IInsertObserver
{
    /// <summary>Called once on the writer connection after the store's schema is in place: create your tables, prepare statements.</summary>
    void Initialize(SqliteConnection connection);

    /// <summary>Called after <paramref name="inserted"/>'s row is inserted, inside the write transaction.</summary>
    void OnInserted(SqliteConnection connection, SqliteTransaction transaction, in InsertedEvent inserted);

    /// <summary>Called just before the transaction commits.</summary>
    void OnCommitting(SqliteConnection connection, SqliteTransaction transaction)
    {
    }

    /// <summary>Called after the transaction was rolled back.</summary>
    void OnRolledBack()
    {
    }
}

/// <summary>
/// An event the store has just inserted: its row id in <c>event</c>, its environment (id and key in
/// <c>environment</c>), the event itself, and the interned keys of its strings (ids in <c>text_value</c>),
/// so that rollups can be keyed by integers without looking them up again.
/// </summary>
public readonly record struct InsertedEvent(
    long RowId,
    long EnvironmentKey,
    string EnvironmentId,
    ActivityEvent Event,
    EventKeys Keys);

/// <summary>
/// Interned ids (<c>text_value.id</c>) of an event's strings, as stored in the <c>event</c> row's columns
/// of the same names; null where the event has no such value.
/// </summary>
public readonly record struct EventKeys(
    long? User,
    long? Session,
    long? Visitor,
    long? Asset,
    long? Collection,
    long? SearchTextKey,
    long? SearchExpressionKey,
    long? SearchReference,
    long? DownloadPreset);
