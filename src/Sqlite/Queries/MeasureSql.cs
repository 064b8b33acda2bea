using GraphReports.Analytics.Queries;

namespace GraphReports.Sqlite.Queries;

/// <summary>
/// The aggregate of a measure. The optional <c>when</c> condition restricts it to the rows matching a
/// condition (a type breakdown, or one query of several merged into one statement).
/// </summary>
internal static class MeasureSql
{
    public static string Aggregate(Measure measure, QuerySource source, string? when = null)
    {
        const string e = QuerySource.Alias;
        string Only(string value) => when is null ? value : $"CASE WHEN {when} THEN {value} END";
        if (source.IsRollup)
        {
            return measure.Kind switch
            {
                MeasureKind.Events => $"COALESCE(SUM({Only($"{e}.events")}), 0)",
                MeasureKind.RatingSum => $"COALESCE(SUM({Only($"{e}.rating_sum")}), 0)",
                MeasureKind.WeightedEvents => $"COALESCE(SUM({Only($"{e}.events * {Weight(measure)}")}), 0)",
                // Rollup rows of the measured dimension exist only for keys that occurred: count them. The type-0 rows
                // hold ONE row per key (the (folder, asset) rows excepted): counting rows needs no DISTINCT and no temporary b-tree.
                _ when RollupPlanner.DistinctDimension(measure.Kind) is not null && source.AnyType && !source.ByFolder =>
                    when is null ? "COUNT(*)" : $"COUNT({Only("1")})",
                _ when RollupPlanner.DistinctDimension(measure.Kind) is not null => $"COUNT(DISTINCT {Only(source.KeyColumn)})",
                _ => throw new NotSupportedException($"Measure {measure.ToKey()} is not read from rollup rows."),
            };
        }
        return measure.Kind switch
        {
            MeasureKind.Events => when is null ? "COUNT(*)" : $"COALESCE(SUM({Only("1")}), 0)",
            MeasureKind.DistinctUsers => $"COUNT(DISTINCT {Only($"{e}.user")})",
            MeasureKind.DistinctAssets => $"COUNT(DISTINCT {Only($"{e}.asset")})",
            MeasureKind.DistinctSessions => $"COUNT(DISTINCT {Only($"{e}.session")})",
            MeasureKind.DistinctCollections => $"COUNT(DISTINCT {Only($"{e}.collection")})",
            MeasureKind.RatingSum => $"COALESCE(SUM({Only($"{e}.rating")}), 0)",
            MeasureKind.WeightedEvents => $"COALESCE(SUM({Only(Weight(measure))}), 0)",
            _ => throw new NotSupportedException($"Measure {measure.ToKey()} is not a plain aggregate."),
        };
    }

    private static string Weight(Measure measure) =>
        "CASE " + QuerySource.Alias + ".type " + string.Concat(measure.Weights!.Select(w => $"WHEN {(int)w.Key} THEN {w.Value} ")) + "ELSE 0 END";
}
