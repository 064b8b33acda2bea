using GraphReports.Redis.Queue;

namespace GraphReports.Indexer.Extensions;

/// <summary>Runs a <see cref="QueueWriter"/> and the queue's gauges inside a host (the collector's, or the <c>worker</c> command's).</summary>
public sealed class QueueWriterService(QueueWriter writer, QueueMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gauges = metrics.RunAsync(TimeSpan.FromSeconds(5), stoppingToken);
        await writer.RunAsync(stoppingToken);
        try { await gauges; } catch (OperationCanceledException) { }
    }
}
