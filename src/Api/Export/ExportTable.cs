using GraphReports.GraphQL.Execution;

namespace GraphReports.Api.Export;

/// <summary>Flattens the data of an export's GraphQL answer into rows of its fixed columns.</summary>
public static class ExportTable
{
    /// <summary>The rows of <paramref name="export"/> inside <paramref name="result"/> (which must have no errors).</summary>
    public static IReadOnlyList<object?[]> Rows(CsvExport export, ExecutionResult result)
    {
        var section = Object(Object(result.Data, "environment"), export.Section);
        if (export.RowsAreFields)
        {
            // One row per figure field, in selection order (the executor keeps it): "figure" is the field name.
            return section!
                .Where(field => field.Key != "month")
                .Select(field => Cells(export, field.Value as IReadOnlyDictionary<string, object?>, field.Key))
                .ToList();
        }
        var list = section?[export.Figure] as System.Collections.IEnumerable
            ?? throw new InvalidOperationException($"The answer has no list at environment.{export.Section}.{export.Figure}.");
        return list.Cast<IReadOnlyDictionary<string, object?>>().Select(row => Cells(export, row, fieldName: null)).ToList();
    }

    private static object?[] Cells(CsvExport export, IReadOnlyDictionary<string, object?>? row, string? fieldName) =>
        export.Columns.Select(column => column.Path == "$field" ? fieldName : ValueAt(row, column.Path)).ToArray();

    private static object? ValueAt(IReadOnlyDictionary<string, object?>? row, string path)
    {
        object? current = row;
        foreach (var name in path.Split('.'))
            current = current is IReadOnlyDictionary<string, object?> map ? map.GetValueOrDefault(name) : null;
        return current;
    }

    private static IReadOnlyDictionary<string, object?>? Object(IReadOnlyDictionary<string, object?>? parent, string name) =>
        parent?.GetValueOrDefault(name) as IReadOnlyDictionary<string, object?>;
}
