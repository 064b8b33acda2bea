using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Queries;

/// <summary>How <c>download</c> events flagged <c>download.bulk = true</c> are treated (REPORTS.md §3).</summary>
public enum BulkDownloads
{
    /// <summary>Every download counts (the neutral default of a filter).</summary>
    Include = 0,
    /// <summary>Bulk downloads are left out: the reports' default unless <c>includeBulk</c>.</summary>
    Exclude = 1,
    /// <summary>Only bulk downloads count (custom slices).</summary>
    Only = 2,
}

/// <summary>
/// Which events a query looks at. The environment is a constructor argument, never optional: a
/// query cannot be built that reads another tenant's data or all tenants at once. Every other
/// criterion is optional (null = no constraint) and all criteria combine with AND; list criteria
/// match any of their values.
/// </summary>
public sealed record EventFilter
{
    public EventFilter(string environmentId, Period period)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentId);
        EnvironmentId = environmentId;
        Period = period ?? throw new ArgumentNullException(nameof(period));
    }

    /// <summary>The tenant: fixed by the caller's credential.</summary>
    public string EnvironmentId { get; }

    /// <summary>Event timestamps in <c>[From, To)</c>.</summary>
    public Period Period { get; init; }

    public IReadOnlyList<EventType>? Types { get; init; }
    public IReadOnlyList<string>? Users { get; init; }
    public IReadOnlyList<string>? Assets { get; init; }

    /// <summary>Events whose asset folder is this folder or one of its subfolders (<c>a/b</c> matches <c>a/b</c> and <c>a/b/c</c>, not <c>a/bc</c>).</summary>
    public string? FolderPrefix { get; init; }

    public IReadOnlyList<string>? Collections { get; init; }
    public IReadOnlyList<SearchKind>? SearchKinds { get; init; }
    public IReadOnlyList<UsageChannel>? Channels { get; init; }

    /// <summary>Applies to <c>download</c> events only; other types are never dropped by it.</summary>
    public BulkDownloads BulkDownloads { get; init; }

    /// <summary>True: only searches whose <c>results</c> is 0 (searches that found nothing).</summary>
    public bool ZeroResultsOnly { get; init; }

    /// <summary>True: only events with a <c>download.preset</c> (transformed); false: only events with a download object and no preset (original); null: no constraint.</summary>
    public bool? Preset { get; init; }

    /// <summary>Same filter over another period (the catalogue's previous month and trend months).</summary>
    public EventFilter WithPeriod(Period period) => this with { Period = period };

    /// <summary>A stable textual form: the part of a cache key that names the events read.</summary>
    public string ToKey()
    {
        var parts = new List<string> { "env=" + Escape(EnvironmentId), "period=" + Period };
        if (Types is { } t) parts.Add("types=" + string.Join(',', t.Distinct().Order().Select(x => x.ToWire())));
        if (Users is { } u) parts.Add("users=" + JoinSorted(u));
        if (Assets is { } a) parts.Add("assets=" + JoinSorted(a));
        if (FolderPrefix is { } f) parts.Add("folder=" + Escape(f));
        if (Collections is { } c) parts.Add("collections=" + JoinSorted(c));
        if (SearchKinds is { } k) parts.Add("kinds=" + string.Join(',', k.Distinct().Order().Select(x => x.ToWire())));
        if (Channels is { } ch) parts.Add("channels=" + string.Join(',', ch.Distinct().Order().Select(x => x.ToWire())));
        if (BulkDownloads != BulkDownloads.Include) parts.Add("bulk=" + BulkDownloads.ToString().ToLowerInvariant());
        if (ZeroResultsOnly) parts.Add("results=0");
        if (Preset is { } p) parts.Add(p ? "preset=set" : "preset=unset");
        return string.Join(';', parts);
    }

    private static string JoinSorted(IEnumerable<string> values) =>
        string.Join(',', values.Distinct().Order(StringComparer.Ordinal).Select(Escape));

    // Keys are joined with ',' ';' '=' '|': escape them so two different filters never share a key.
    private static string Escape(string s) => Uri.EscapeDataString(s);
}
