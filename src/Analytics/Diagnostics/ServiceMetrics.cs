using System.Diagnostics.Metrics;

namespace GraphReports.Analytics.Diagnostics;

/// <summary>
/// The service's own measurements, as .NET <see cref="Meter"/> instruments (no exporter here: the hosts
/// publish them at <c>/metrics</c> in Prometheus text through prometheus-net, docs/redis.md lists them).
/// </summary>
public static class ServiceMetrics
{
    public const string MeterName = "GraphReports";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Answers read from a cache tier (<c>tier</c> = memory, redis, shared, or response for a whole reused response).</summary>
    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("cache.hits", description: "Report answers read from the cache");

    /// <summary>Cacheable answers that were computed by the store (and then cached).</summary>
    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>("cache.misses", description: "Cacheable report answers computed by the store");

    /// <summary>Cacheable answers computed by the store because Redis could not be reached in time.</summary>
    public static readonly Counter<long> CacheBypasses = Meter.CreateCounter<long>("cache.bypasses", description: "Cacheable report answers computed without the cache because Redis was down or slow");

    public static readonly Counter<long> EventsAccepted = Meter.CreateCounter<long>("events.accepted", description: "Events accepted (stored, or queued in Redis)");
    public static readonly Counter<long> EventsDuplicate = Meter.CreateCounter<long>("events.duplicate", description: "Events whose id was already stored");
    public static readonly Counter<long> EventsRejected = Meter.CreateCounter<long>("events.rejected", description: "Events refused for breaking a rule of REPORTS.md");

    public static readonly Histogram<double> StoreWriteSeconds = Meter.CreateHistogram<double>("store.write.duration", unit: "s", description: "Time of one batch write to the store, until durable");
    public static readonly Histogram<double> StoreQuerySeconds = Meter.CreateHistogram<double>("store.query.duration", unit: "s", description: "Time of one batch of report queries answered by the store");
}
