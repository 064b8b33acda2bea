using System.Net;
using System.Text.Json;
using GraphReports.Sqlite;

namespace GraphReports.Redis.Tests.EndToEnd;

/// <summary>The queue as deployed: redis-server with AOF, the collector and writers as their own processes.</summary>
public class QueueAcceptanceTests
{
    private const int Requests = 60, EventsPerRequest = 20;

    private static string[] QueueSettings(string store, RedisServer redis, bool writerInCollector) =>
    [
        .. HostProcess.Settings(store, redis.Configuration),
        "--GraphReports:Queue=Redis",
        "--GraphReports:Redis:Queue:BatchSize=3",
        "--GraphReports:Redis:Queue:ClaimIdleSeconds=2",
        "--GraphReports:Redis:Queue:RetryAfterSeconds=1",
        $"--GraphReports:Redis:Queue:WriterInCollector={(writerInCollector ? "true" : "false")}",
    ];

    /// <summary>
    /// Producers send each request until it is acknowledged (200), honouring 503 + Retry-After and connection errors,
    /// as a well-behaved client does. Returns the events acknowledged and how many 503s were seen.
    /// </summary>
    private static async Task<(int Acknowledged, int Refusals)> ProduceAsync(HostProcess collector, DateTimeOffset at, Func<int, Task>? afterEach = null)
    {
        var acknowledged = 0;
        var refusals = 0;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(p => Task.Run(async () =>
        {
            for (var r = p; r < Requests; r += 3)
            {
                var body = HostProcess.Searches($"q{r}", EventsPerRequest, at);
                while (true)
                {
                    HttpResponseMessage response;
                    try { response = await collector.PostEventsAsync(body); }
                    catch (HttpRequestException) { await Task.Delay(200); continue; }
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref refusals);
                        Assert.NotNull(response.Headers.RetryAfter);
                        await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
                        continue;
                    }
                    Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                    var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    Interlocked.Add(ref acknowledged, answer.GetProperty("accepted").GetInt32());
                    break;
                }
                if (afterEach is not null) await afterEach(r);
            }
        })));
        return (acknowledged, refusals);
    }

    private static async Task WaitUntilWrittenAsync(RedisServer redis, string storePath, long expected)
    {
        using var connection = redis.Connect();
        using var reader = new SqliteStoreReader(new SqliteStoreOptions { Path = storePath });
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(storePath) && reader.CountEvents(HostProcess.Env) >= expected
                && await connection.Database.StreamLengthAsync("graphreports:events") == 0) return;
            await Task.Delay(100);
        }
    }

    private static long Stored(string storePath)
    {
        using var reader = new SqliteStoreReader(new SqliteStoreOptions { Path = storePath });
        return reader.CountEvents(HostProcess.Env);
    }

    [Fact]
    public async Task A_writer_killed_in_the_middle_of_a_batch_is_finished_by_another_and_every_acknowledged_event_is_stored_once()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: true);
        using var folder = new TempFolder();
        var store = folder.File("store.db");
        var settings = QueueSettings(store, redis, writerInCollector: false);
        using var collector = await HostProcess.StartIndexerAsync(settings);
        var at = HostProcess.ClosedMonthInstant();

        var (acknowledged, _) = await ProduceAsync(collector, at);
        Assert.Equal(Requests * EventsPerRequest, acknowledged);

        // A writer is killed (SIGKILL) while it holds delivered, unacknowledged entries. The kill can land just after
        // the writer acknowledged the batch it was seen holding; then nothing is left pending and another writer is
        // started and killed, until one dies with entries in hand (or the stream runs dry, which fails below).
        using var connection = redis.Connect();
        long left = 0;
        for (var attempt = 0; attempt < 5 && left == 0 && Stored(store) < acknowledged; attempt++)
        {
            using var writer = HostProcess.StartWorker(settings);
            var killedMidBatch = false;
            for (var i = 0; i < 600 && !killedMidBatch; i++)
            {
                var pending = (await connection.Database.StreamPendingAsync("graphreports:events", "writers")).PendingMessageCount;
                if (pending > 0 && File.Exists(store) && Stored(store) > 0) { await writer.KillAsync(); killedMidBatch = true; }
                else await Task.Delay(10);
            }
            Assert.True(killedMidBatch, "the writer never held a batch: " + writer.Output);
            left = (await connection.Database.StreamPendingAsync("graphreports:events", "writers")).PendingMessageCount;
        }
        Assert.True(left > 0, "no killed writer left entries pending");
        Assert.True(Stored(store) < acknowledged);

        using var second = HostProcess.StartWorker(settings);
        await WaitUntilWrittenAsync(redis, store, acknowledged);

        Assert.Equal(acknowledged, Stored(store)); // every acknowledged event, each once (ids are unique per event)
        Assert.Equal(0, (await connection.Database.StreamPendingAsync("graphreports:events", "writers")).PendingMessageCount);
        Assert.Contains("took over", second.Output);
    }

    [Fact]
    public async Task With_redis_stopped_during_ingest_producers_get_503_and_after_it_returns_every_acknowledged_event_is_stored()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: true);
        using var folder = new TempFolder();
        var store = folder.File("store.db");
        using var collector = await HostProcess.StartIndexerAsync(QueueSettings(store, redis, writerInCollector: true));
        var at = HostProcess.ClosedMonthInstant();

        var outage = Task.CompletedTask;
        var (acknowledged, refusals) = await ProduceAsync(collector, at, async r =>
        {
            if (r != 15) return;
            // Killed (no save: AOF with appendfsync always holds every acknowledged append), back after 2 s.
            outage = Task.Run(async () =>
            {
                await redis.StopAsync();
                await Task.Delay(2000);
                await redis.RestartAsync();
            });
            await Task.Delay(300);
        });
        await outage;

        Assert.Equal(Requests * EventsPerRequest, acknowledged);
        Assert.True(refusals > 0, "producers were told to retry while Redis was down");
        await WaitUntilWrittenAsync(redis, store, acknowledged);
        Assert.Equal(acknowledged, Stored(store));
        Assert.Contains("Redis is unreachable", collector.Output);
    }
}
