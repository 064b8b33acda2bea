namespace GraphReports.Api.Reports.Nodes;

/// <summary>An entry of a top list with its 1-based position (the store already ordered the list, ties included).</summary>
public sealed record Ranked<T>(int Rank, T Item)
{
    public static IReadOnlyList<Ranked<T>> List(IEnumerable<T> items) => items.Select((item, i) => new Ranked<T>(i + 1, item)).ToArray();
}

/// <summary>A span of local days as the schema shows it (<c>Period</c>): first day, last day included, closed or not.</summary>
public sealed record PeriodNode(DateOnly From, DateOnly To, bool Closed)
{
    public static PeriodNode Of(Analytics.Queries.Period period, TimeZoneInfo zone, bool closed) =>
        new(ReportArguments.LocalDate(period.From, zone), ReportArguments.LocalDate(period.To.AddTicks(-1), zone), closed);
}
