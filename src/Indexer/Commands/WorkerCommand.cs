using System.CommandLine;
using GraphReports.Indexer.Extensions;
using GraphReports.Redis.Queue;

namespace GraphReports.Indexer.Commands;

/// <summary>
/// <c>worker</c>: writes the Redis ingest stream into the store until stopped (<c>GraphReports:Queue = Redis</c>;
/// docs/redis.md). Run as many as wanted, on any machine that reaches Redis and the store; serves nothing over HTTP.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Write the events queued in the Redis stream into the store (needs GraphReports:Queue=Redis).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, ct) => RunAsync(parse.UnmatchedTokens.ToArray(), ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
        try
        {
            builder.AddIndexerServices();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        if (!builder.Services.Any(d => d.ServiceType == typeof(QueueWriter)))
        {
            Console.Error.WriteLine($"worker reads the Redis queue: set {RedisServiceExtensions.QueueSetting}=Redis and GraphReports:Redis:Configuration.");
            return 2;
        }
        builder.Services.AddHostedService<QueueWriterService>();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
