using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;
using GraphReports.Api.Reports.Nodes;

namespace GraphReports.Api.Reports;

/// <summary>The <c>ActivityFilter</c> input: which events a custom question counts.</summary>
public sealed class ActivityFilterArgument
{
    public Month? Month { get; set; }
    public PeriodArgument? Period { get; set; }
    public List<EventType>? Types { get; set; }
    public List<string>? Users { get; set; }
    public List<string>? Assets { get; set; }
    public string? Folder { get; set; }
    public List<string>? Collections { get; set; }
    public List<SearchKind>? SearchKinds { get; set; }
    public List<UsageChannel>? Channels { get; set; }
    public bool? Bulk { get; set; }
    public bool ZeroResultsOnly { get; set; }
    public bool? Transformed { get; set; }

    /// <summary>The <c>activity</c> field: the filter in the caller's environment, checked.</summary>
    public static ActivityNode Slice(ReportScope scope, ActivityFilterArgument input, MeasureKind measureKind)
    {
        var (period, closed) = ReportArguments.Period(input.Month, input.Period, scope);
        var folder = input.Folder?.Trim().Trim('/');
        if (input.Folder is not null && folder!.Length == 0)
            throw ReportErrors.BadInput("filter.folder must name a folder, for example \"marketing/2026\"; got an empty path.");
        var filter = new EventFilter(scope.Environment.Id, period)
        {
            Types = NullIfEmpty(input.Types, "types"),
            Users = NullIfEmpty(input.Users, "users"),
            Assets = NullIfEmpty(input.Assets, "assets"),
            FolderPrefix = folder,
            Collections = NullIfEmpty(input.Collections, "collections"),
            SearchKinds = NullIfEmpty(input.SearchKinds, "searchKinds"),
            Channels = NullIfEmpty(input.Channels, "channels"),
            BulkDownloads = input.Bulk switch { true => BulkDownloads.Only, false => BulkDownloads.Exclude, null => BulkDownloads.Include },
            ZeroResultsOnly = input.ZeroResultsOnly,
            Preset = input.Transformed,
        };
        var measure = measureKind switch
        {
            MeasureKind.Events => Measure.Events,
            MeasureKind.DistinctUsers => Measure.DistinctUsers,
            MeasureKind.DistinctAssets => Measure.DistinctAssets,
            MeasureKind.DistinctSessions => Measure.DistinctSessions,
            MeasureKind.DistinctCollections => Measure.DistinctCollections,
            _ => throw ReportErrors.BadInput($"measure {measureKind} cannot be asked for in a custom question."),
        };
        return new ActivityNode(scope, filter, measure, measureKind, PeriodNode.Of(period, scope.Environment.TimeZone, closed));
    }

    /// <summary>
    /// Most entries a list of the filter may hold (documented in docs/reports.md): each becomes a parameter
    /// of the store's query, and a store has a ceiling (SQLite: 32,766 in one statement).
    /// </summary>
    public const int MaxListEntries = 1_000;

    // An empty list would match nothing, which is never what a caller means: say so rather than answer 0.
    private static IReadOnlyList<T>? NullIfEmpty<T>(List<T>? values, string name) =>
        values is null ? null
            : values.Count == 0 ? throw ReportErrors.BadInput($"filter.{name} is an empty list, which no event matches; leave it out to count every {name[..^1]}.")
            : values.Count > MaxListEntries ? throw ReportErrors.BadInput($"filter.{name} holds {values.Count} entries; at most {MaxListEntries} are accepted. Ask several questions, or filter by folder.")
            : values;
}
