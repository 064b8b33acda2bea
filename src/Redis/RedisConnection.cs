using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphReports.Redis;

/// <summary>
/// The process's one connection to Redis (a <see cref="ConnectionMultiplexer"/>), set up so that Redis
/// being down or slow never blocks a caller: the connection is attempted in the background and
/// re-attempted by itself (<c>AbortOnConnectFail = false</c>), commands fail at once while it is down
/// instead of waiting in a backlog, and <see cref="RunAsync{T}"/> bounds every call by the command timeout.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ILogger _logger;
    private int _down; // 1 from the first failed call of an outage to the first call that succeeds again

    private RedisConnection(ConnectionMultiplexer multiplexer, RedisOptions options, ILogger logger)
    {
        Multiplexer = multiplexer;
        Options = options;
        _logger = logger;
        KeyPrefix = options.KeyPrefix;
    }

    public ConnectionMultiplexer Multiplexer { get; }

    public RedisOptions Options { get; }

    public string KeyPrefix { get; }

    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>Starts connecting (returns even when Redis is down; the connection comes when Redis does).</summary>
    public static RedisConnection Connect(RedisOptions options, ILogger<RedisConnection> logger)
    {
        options.Validate();
        if (!options.IsConfigured) throw new ArgumentException($"{RedisOptions.SectionName}:Configuration is empty: set it to Redis's address, e.g. 127.0.0.1:6379.");
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = options.ConnectTimeoutMilliseconds;
        // The library's own timeout is the longest of ours; RunAsync bounds each call by the one it is given.
        configuration.SyncTimeout = Math.Max(options.CommandTimeoutMilliseconds, options.QueueCommandTimeoutMilliseconds);
        configuration.AsyncTimeout = configuration.SyncTimeout;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectRetry = 1;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        configuration.ClientName ??= "graphreports";
        var multiplexer = ConnectionMultiplexer.Connect(configuration);
        var connection = new RedisConnection(multiplexer, options, logger);
        multiplexer.ConnectionFailed += (_, e) => connection.ConnectionEvent?.Invoke(false);
        multiplexer.ConnectionRestored += (_, e) => connection.ConnectionEvent?.Invoke(true);
        return connection;
    }

    /// <summary>Raised when the connection drops (false) or comes back (true): generation sources forget what they know of the server.</summary>
    public event Action<bool>? ConnectionEvent;

    /// <summary>True while the last call failed (an outage in progress).</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>
    /// Runs one Redis call, bounded by <paramref name="timeout"/> (default: the cache's command timeout). Any failure (down, timed out, refused)
    /// becomes a <see cref="Analytics.Caching.CacheUnavailableException"/>; the first of an outage is logged
    /// as a warning, the recovery once as information, nothing in between.
    /// </summary>
    public async Task<T> RunAsync<T>(string what, Func<IDatabase, Task<T>> call, TimeSpan? timeout = null)
    {
        try
        {
            var result = await call(Database).WaitAsync(timeout ?? Options.CommandTimeout).ConfigureAwait(false);
            if (Interlocked.Exchange(ref _down, 0) == 1)
                _logger.LogInformation("Redis is reachable again ({What} succeeded); caching and queueing resume.", what);
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            if (Interlocked.Exchange(ref _down, 1) == 0)
                _logger.LogWarning(e, "Redis is unreachable or slow ({What} failed: {Message}); answering from the store until it is back. Further failures of this outage are counted, not logged.", what, e.Message);
            throw new Analytics.Caching.CacheUnavailableException($"Redis did not answer {what}: {e.Message}", e);
        }
    }

    public void Dispose() => Multiplexer.Dispose();
}
