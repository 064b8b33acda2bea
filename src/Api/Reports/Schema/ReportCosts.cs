using GraphReports.Analytics.Time;
using GraphReports.GraphQL.Execution.Cost;

namespace GraphReports.Api.Reports.Schema;

/// <summary>
/// What the report fields cost in the static analysis (budget 10,000 per request, docs/robustness.md):
/// the work a field does grows with the period it covers, found on the field or its nearest ancestor
/// with a <c>month</c>, <c>period</c> or <c>filter</c> argument (no period: the current month).
/// </summary>
internal static class ReportCosts
{
    /// <summary>A scan of one month of an environment's events (a custom question: total, top list, trend).</summary>
    public const long EnvironmentScanPerMonth = 25;

    /// <summary>A scan of one month of one asset's events (through the asset index), or of a folder's page.</summary>
    public const long AssetScanPerMonth = 2;

    /// <summary>Each entry of a filter's list (users, assets...) adds to every scan of that filter, per this many entries.</summary>
    public const int ListEntriesPerUnit = 10;

    /// <summary>The weight of a custom question's total, top list or trend: its months, plus its filter's lists.</summary>
    public static long EnvironmentScan(FieldCostContext context) =>
        EnvironmentScanPerMonth * Months(context) + FilterEntries(context) / ListEntriesPerUnit;

    /// <summary>The weight of an asset's figures or trend, or of a folder page: its months.</summary>
    public static long AssetScan(FieldCostContext context) => AssetScanPerMonth * Months(context);

    /// <summary>The buckets of a trend over its period at its <c>interval</c> (default DAY).</summary>
    public static long Buckets(FieldCostContext context)
    {
        var days = Days(context);
        return (context.Arguments.GetValueOrDefault("interval") as Granularity? ?? Granularity.Day) switch
        {
            Granularity.Week => days / 7 + 2,
            Granularity.Month => days / 28 + 1,
            _ => days,
        };
    }

    /// <summary>The assets a folder page holds: its <c>pageSize</c> (default 20), found on the enclosing <c>folder</c> field.</summary>
    public static long PageSize(FieldCostContext context) =>
        context.SelfAndAncestors().Select(c => c.Arguments.GetValueOrDefault("pageSize")).OfType<int>().Select(size => (long)Math.Max(0, size)).FirstOrDefault(20);

    private static long Months(FieldCostContext context) => (Days(context) + 30) / 31;

    /// <summary>Days of the period in force at this selection: 1..731 for a period, 31 for a month or none.</summary>
    public static int Days(FieldCostContext context)
    {
        foreach (var selection in context.SelfAndAncestors())
        {
            var arguments = selection.Arguments;
            if (arguments.GetValueOrDefault("filter") is IReadOnlyDictionary<string, object?> filter) arguments = filter;
            if (arguments.GetValueOrDefault("period") is IReadOnlyDictionary<string, object?> period
                && period.GetValueOrDefault("from") is DateOnly from && period.GetValueOrDefault("to") is DateOnly to)
                return Math.Clamp(to.DayNumber - from.DayNumber + 1, 1, ReportArguments.MaxPeriodDays);
            if (arguments.ContainsKey("month") || arguments.ContainsKey("period") || selection.Arguments.ContainsKey("filter")) return 31;
        }
        return 31;
    }

    private static long FilterEntries(FieldCostContext context)
    {
        foreach (var selection in context.SelfAndAncestors())
            if (selection.Arguments.GetValueOrDefault("filter") is IReadOnlyDictionary<string, object?> filter)
                return filter.Values.OfType<System.Collections.ICollection>().Sum(list => (long)list.Count);
        return 0;
    }
}
