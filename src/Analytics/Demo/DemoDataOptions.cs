namespace GraphReports.Analytics.Demo;

/// <summary>
/// What <see cref="DemoDataGenerator"/> produces. The same options (seed, size, months and
/// <see cref="Now"/>) give the same bytes.
/// </summary>
public sealed record DemoDataOptions
{
    /// <summary>Seed of every random choice (default 20261122).</summary>
    public ulong Seed { get; init; } = 20261122;

    /// <summary>Exact number of NDJSON lines written, duplicates included (default 100,000).</summary>
    public long Events { get; init; } = 100_000;

    /// <summary>Calendar months covered, ending with the month of <see cref="Now"/> (default 13, at least 1).</summary>
    public int Months { get; init; } = 13;

    /// <summary>The instant the data ends at (no event is later); default: the generator's clock. Rounded down to the minute.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Share of interaction units delivered weeks after they happened (default 0.5%).</summary>
    public double LateShare { get; init; } = 0.005;

    /// <summary>Share of events repeated later in the stream with the same id and bytes (default 0.3%).</summary>
    public double DuplicateShare { get; init; } = 0.003;
}
