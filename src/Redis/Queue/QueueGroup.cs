using StackExchange.Redis;

namespace GraphReports.Redis.Queue;

/// <summary>The stream's consumer group, made where missing by the collector and the writers alike.</summary>
internal static class QueueGroup
{
    /// <summary>Creates the stream and its group when missing, reading from the stream's start so that nothing appended before is skipped.</summary>
    public static Task EnsureAsync(RedisConnection redis, RedisKey stream, string group) =>
        redis.RunAsync("queue group", async db =>
        {
            try { await db.StreamCreateConsumerGroupAsync(stream, group, "0", createStream: true).ConfigureAwait(false); }
            catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal)) { }
            return true;
        }, redis.Options.QueueCommandTimeout);
}
