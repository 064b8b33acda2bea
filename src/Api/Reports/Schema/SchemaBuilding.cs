using GraphReports.GraphQL.Types;

namespace GraphReports.Api.Reports.Schema;

/// <summary>Short forms for the report schema's many fields: a description is never optional here.</summary>
internal static class SchemaBuilding
{
    /// <summary>A field resolved synchronously from its parent value.</summary>
    public static ObjectTypeBuilder Value<TSource>(this ObjectTypeBuilder type, string name, string graphType, string description, Func<TSource, object?> resolve) =>
        type.Field(name, graphType, f => f.Description(description).Resolve(c => resolve(c.SourceAs<TSource>())));

    /// <summary>A field whose value comes from the request's batch of store queries.</summary>
    public static ObjectTypeBuilder Loaded<TSource, T>(this ObjectTypeBuilder type, string name, string graphType, string description, Func<TSource, Task<T>> resolve) =>
        type.Field(name, graphType, f => f.Description(description).ResolveAsync(c => resolve(c.SourceAs<TSource>())));

    /// <summary>A top list taking <c>limit</c> (1 to 100, default 10); the cost analysis sizes it by <c>limit</c>.</summary>
    public static ObjectTypeBuilder TopList<TSource, T>(this ObjectTypeBuilder type, string name, string graphType, string description, string entries, Func<TSource, int, Task<T>> resolve) =>
        type.Field(name, graphType, f => f
            .Description(description)
            .Argument("limit", "Int", a => a.Description($"How many {entries} to return, 1 to 100.").DefaultValue(10))
            .ListSize(10, "limit")
            .ResolveAsync(c => resolve(c.SourceAs<TSource>(), c.Argument<int>("limit"))));

    /// <summary>The <c>month</c> argument of a report section.</summary>
    public static FieldBuilder MonthArgument(this FieldBuilder field) =>
        field.Argument("month", "Month", a => a.Description(Descriptions.MonthArgument));

    /// <summary>The <c>includeBulk</c> argument of the sections that count media-library downloads.</summary>
    public static FieldBuilder IncludeBulkArgument(this FieldBuilder field, string description) =>
        field.Argument("includeBulk", "Boolean", a => a.Description(description).DefaultValue(false));
}

/// <summary>Descriptions that several fields share, written once so they read the same everywhere.</summary>
internal static class Descriptions
{
    public const string MonthArgument = "The listed month; defaults to the current month. A month after the current one is refused.";
    public const string ReportMonth = "The listed month: the month this report is about, in the environment's time zone.";
    public const string Closed = "Whether the listed month has ended in the environment's time zone. The figures of a closed month change only if late events arrive.";
    public const string ApproximateFigures = "Names of this report's fields whose values are estimates rather than exact counts. Empty when every figure is exact, as it always is on the embedded store.";
    public const string Trend = "12 months ending with the listed month, oldest first.";
    public const string PeriodMonth = "The period as one month; defaults to the current month. Give either `month` or `period`, not both.";
    public const string PeriodRange = "The period as a range of days (at most two years); give either `month` or `period`, not both.";
    public const string Buckets = "The bucket size. A bucket is a local day, a week from Monday, or a calendar month; the first bucket is the one holding the period's first day (a week or month may start before it), and only events inside the period are counted.";
}
