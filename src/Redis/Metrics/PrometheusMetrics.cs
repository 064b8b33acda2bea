using Prometheus;

namespace GraphReports.Redis.Metrics;

/// <summary>
/// Publishes the service's .NET meters (GraphReports.Analytics.Diagnostics.ServiceMetrics) through prometheus-net at
/// <c>/metrics</c>, for both hosts (which map the endpoint with prometheus-net.AspNetCore). Started explicitly,
/// once per process, when a host is built: prometheus-net's default adapter
/// would start at the first scrape and miss everything counted before it.
/// </summary>
public static class PrometheusMetrics
{
    private static readonly Lazy<IDisposable> Listener = new(() =>
    {
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        // Idle series are kept for the longest prometheus-net allows (a day): a count must not vanish while unchanged.
        // Durations in seconds, from half a millisecond (a cache hit) to ten seconds (a slow scan).
        return MeterAdapter.StartListening(new MeterAdapterOptions
        {
            MetricsExpireAfter = TimeSpan.FromDays(1),
            ResolveHistogramBuckets = _ => [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });
    });

    public static void EnsureStarted() => _ = Listener.Value;
}
