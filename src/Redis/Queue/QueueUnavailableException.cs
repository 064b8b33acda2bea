using GraphReports.Analytics.Storage;

namespace GraphReports.Redis.Queue;

/// <summary>
/// The collector cannot take events now: the stream holds <see cref="RedisQueueOptions.MaxLength"/> unwritten
/// entries, or Redis does not answer. Nothing of the request was queued; the producer retries after <see cref="RetryAfter"/>.
/// </summary>
public sealed class QueueUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner), IWriterUnavailable
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
