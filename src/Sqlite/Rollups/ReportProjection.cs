using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using Microsoft.Data.Sqlite;

namespace GraphReports.Sqlite.Rollups;

/// <summary>
/// Keeps the report tables (<see cref="ReportSchema"/>) in step with the stored events. The store's
/// writer calls <see cref="Apply"/> inside its write transaction for every event it inserted, so
/// the rollups commit (or roll back) with the events themselves: a figure is never ahead of or
/// behind the data. As a second guard the projection ignores an (environment, id) it already has,
/// so a duplicate can never be counted twice even if it reached it.
/// </summary>
public sealed class ReportProjection
{
    private readonly Func<string, TimeZoneInfo> _zoneOf;
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _checkedZones = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<SqliteConnection, Commands> _commands = new();
    private readonly PendingRollups _pending = new();

    /// <param name="zoneOf">The time zone of an environment: months are rolled up in it.</param>
    public ReportProjection(Func<string, TimeZoneInfo> zoneOf) => _zoneOf = zoneOf;

    /// <summary>Creates the report tables when missing.</summary>
    public static void EnsureSchema(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        ReportSchema.Create(connection, transaction);

    /// <summary>
    /// Projects one newly inserted event of <paramref name="environmentId"/> completely, at once.
    /// Returns false when the projection already had this id (nothing changed).
    /// </summary>
    public bool Apply(SqliteTransaction transaction, string environmentId, ActivityEvent e)
    {
        if (!Gather(transaction, environmentId, e)) return false;
        Flush(transaction);
        return true;
    }

    /// <summary>
    /// Like <see cref="Apply"/>, but only the event row is written at once: the rollup, session and
    /// name changes are summed in memory until <see cref="Flush"/>, which must run in the same
    /// transaction before it commits. A batch of 20,000 events touches far fewer distinct rollup
    /// rows than it has events, so the writer's observer gathers a whole transaction.
    /// </summary>
    public bool Gather(SqliteTransaction transaction, string environmentId, ActivityEvent e)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        var zone = ZoneOf(transaction, environmentId);
        var commands = _commands.GetValue(connection, c => new Commands(c));
        commands.Bind(transaction);
        var facts = EventFacts.From(e);
        if (!commands.InsertFact(environmentId, e.Id, facts)) return false;
        _pending.Add(environmentId, MonthNumber(ZonedCalendar.MonthOf(e.Timestamp, zone)), e, facts);
        return true;
    }

    /// <summary>Writes the gathered rollup changes; call it in the transaction of the <see cref="Gather"/> calls, before committing.</summary>
    public void Flush(SqliteTransaction transaction)
    {
        if (_pending.IsEmpty) return;
        var commands = _commands.GetValue(transaction.Connection!, c => new Commands(c));
        commands.Bind(transaction);
        _pending.WriteTo(commands);
        _pending.Clear();
    }

    /// <summary>After a rollback: the zones recorded in it are gone, check them again.</summary>
    public void ForgetUncommitted()
    {
        _checkedZones.Clear();
        _pending.Clear();
    }

    internal static int MonthNumber(Month month) => month.Year * 100 + month.Number;

    /// <summary>
    /// The rollups of an environment are in the zone it had when its first event was projected.
    /// A later change of zone would silently shift every month: refuse it instead (docs/reports.md).
    /// </summary>
    private TimeZoneInfo ZoneOf(SqliteTransaction transaction, string environmentId)
    {
        if (_checkedZones.TryGetValue(environmentId, out var known)) return known;
        var zone = _zoneOf(environmentId);
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO report_zones (env, zone) VALUES ($env, $zone); SELECT zone FROM report_zones WHERE env = $env;";
        command.Parameters.AddWithValue("$env", environmentId);
        command.Parameters.AddWithValue("$zone", zone.Id);
        var stored = (string)command.ExecuteScalar()!;
        if (stored != zone.Id)
            throw new InvalidOperationException(
                $"Environment '{environmentId}' was rolled up in time zone '{stored}' but is now configured with '{zone.Id}'; rebuild its report tables before changing its zone.");
        _checkedZones[environmentId] = zone;
        return zone;
    }

    /// <summary>The prepared statements of one connection.</summary>
    internal sealed class Commands
    {
        private readonly SqliteCommand _fact, _filter, _rollup, _session, _name;

        public Commands(SqliteConnection connection)
        {
            _fact = Prepare(connection, """
                INSERT OR IGNORE INTO report_events (env, id, ts, type, user, session, asset, folder, collection, kind, text_key, expr_key, ref, zero, bulk, preset, rating, channel)
                VALUES ($env, $id, $ts, $type, $user, $session, $asset, $folder, $collection, $kind, $text, $expr, $ref, $zero, $bulk, $preset, $rating, $channel)
                """, "$env", "$id", "$ts", "$type", "$user", "$session", "$asset", "$folder", "$collection", "$kind", "$text", "$expr", "$ref", "$zero", "$bulk", "$preset", "$rating", "$channel");
            _filter = Prepare(connection, "INSERT OR IGNORE INTO report_event_filters (env, id, field, value) VALUES ($env, $id, $field, $value)",
                "$env", "$id", "$field", "$value");
            _rollup = Prepare(connection, """
                INSERT INTO report_rollup (env, month, dim, type, kind, bulk, preset, zero, channel, key, key2, events, rating_sum)
                VALUES ($env, $month, $dim, $type, $kind, $bulk, $preset, $zero, $channel, $key, $key2, $events, $rating)
                ON CONFLICT DO UPDATE SET events = events + excluded.events, rating_sum = rating_sum + excluded.rating_sum
                """, "$env", "$month", "$dim", "$type", "$kind", "$bulk", "$preset", "$zero", "$channel", "$key", "$key2", "$events", "$rating");
            _session = Prepare(connection, """
                INSERT INTO report_session_month (env, month, session, first_search, last_download) VALUES ($env, $month, $session, $search, $download)
                ON CONFLICT DO UPDATE SET
                  first_search = CASE WHEN excluded.first_search IS NOT NULL AND (first_search IS NULL OR excluded.first_search < first_search) THEN excluded.first_search ELSE first_search END,
                  last_download = CASE WHEN excluded.last_download IS NOT NULL AND (last_download IS NULL OR excluded.last_download > last_download) THEN excluded.last_download ELSE last_download END
                """, "$env", "$month", "$session", "$search", "$download");
            // The most recent name wins; at equal timestamps the greater id, so the outcome does not depend on arrival order.
            _name = Prepare(connection, """
                INSERT INTO report_names (env, dim, key, name, ts, id) VALUES ($env, $dim, $key, $name, $ts, $id)
                ON CONFLICT DO UPDATE SET name = excluded.name, ts = excluded.ts, id = excluded.id
                WHERE excluded.ts > report_names.ts OR (excluded.ts = report_names.ts AND excluded.id > report_names.id)
                """, "$env", "$dim", "$key", "$name", "$ts", "$id");
        }

        public void Bind(SqliteTransaction transaction)
        {
            _fact.Transaction = _filter.Transaction = _rollup.Transaction = _session.Transaction = _name.Transaction = transaction;
        }

        public bool InsertFact(string env, string id, EventFacts f)
        {
            Set(_fact, env, id, f.Ticks, f.Type, f.User, f.Session, f.Asset, f.Folder, f.Collection, f.Kind, f.TextKey, f.ExpressionKey,
                f.Reference, f.Zero, f.Bulk, f.Preset, f.Rating, f.Channel);
            if (_fact.ExecuteNonQuery() == 0) return false;
            foreach (var (field, value) in f.FilterPairs)
            {
                Set(_filter, env, id, field, value);
                _filter.ExecuteNonQuery();
            }
            return true;
        }

        public void AddToRollup(in RollupKey k, long events, long ratingSum)
        {
            Set(_rollup, k.Env, k.Month, k.Dim, k.Type, k.Kind, k.Bulk, k.Preset, k.Zero, k.Channel, k.Key, k.Key2, events, ratingSum);
            _rollup.ExecuteNonQuery();
        }

        public void UpdateSession(string env, int month, string session, long? search, long? download)
        {
            Set(_session, env, month, session, search, download);
            _session.ExecuteNonQuery();
        }

        public void UpdateName(string env, Dimension dim, string key, string name, long ticks, string id)
        {
            Set(_name, env, (int)dim, key, name, ticks, id);
            _name.ExecuteNonQuery();
        }

        private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var n in names) command.Parameters.Add(new SqliteParameter(n, null));
            return command;
        }

        private static void Set(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
