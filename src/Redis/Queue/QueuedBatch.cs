using System.Text.Json;
using GraphReports.Analytics.Events;
using StackExchange.Redis;

namespace GraphReports.Redis.Queue;

/// <summary>
/// One stream entry: the accepted events of one collector request, for one environment. Events are
/// stored as System.Text.Json of the validated <see cref="ActivityEvent"/>s, not as the producer's text,
/// so that the writer never validates again (a rule or clock that changed meanwhile cannot refuse an
/// event that was already acknowledged).
/// </summary>
public sealed record QueuedBatch(string EnvironmentId, IReadOnlyList<ActivityEvent> Events)
{
    public const string EnvironmentField = "env", EventsField = "events";

    public NameValueEntry[] ToEntry() =>
    [
        new(EnvironmentField, EnvironmentId),
        new(EventsField, JsonSerializer.SerializeToUtf8Bytes(Events)),
    ];

    /// <summary>The batch of a stream entry; null when the entry is not one (it is then set aside, never retried forever).</summary>
    public static QueuedBatch? TryRead(StreamEntry entry)
    {
        var env = entry[EnvironmentField];
        var events = entry[EventsField];
        if (env.IsNullOrEmpty || events.IsNullOrEmpty) return null;
        try
        {
            var list = JsonSerializer.Deserialize<ActivityEvent[]>((byte[])events!);
            return list is null || list.Any(e => e is null) ? null : new QueuedBatch(env!, list);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
