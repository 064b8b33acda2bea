namespace GraphReports.Api.Demo;

/// <summary>The demo dataset loaded on first start, bound from <c>GraphReports:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "GraphReports:Demo";

    /// <summary>Load demo data when the store holds no event at all (default true).</summary>
    public bool LoadOnEmptyStore { get; set; } = true;

    /// <summary>Events generated, split over the configured environments (default 250,000: well under a minute on 2 cores).</summary>
    public long Events { get; set; } = 250_000;

    /// <summary>Seed of the demo generator (default 20261122).</summary>
    public ulong Seed { get; set; } = 20261122;
}
