using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Bench;

/// <summary>
/// The benchmark schema, the same as reference-server.mjs builds with graphql-js: <c>Query.report</c>
/// returns a <c>Report</c> of 30 non-null leaves (String, Int, Float, Boolean in turn) with static values.
/// </summary>
internal static class BenchSchema
{
    public const int FieldCount = 30;

    public static string FieldName(int i) => $"field{i:00}";

    /// <summary>The value of field <paramref name="i"/> (1-based), as reference-server.mjs gives it.</summary>
    public static (string Type, object Value) Field(int i) => ((i - 1) % 4) switch
    {
        0 => ("String!", $"value {i}"),
        1 => ("Int!", i * 1000 + 7),
        2 => ("Float!", i + 0.5),
        _ => ("Boolean!", i % 2 == 0),
    };

    public static string ReportQuery { get; } =
        "{ report { " + string.Join(' ', Enumerable.Range(1, FieldCount).Select(FieldName)) + " } }";

    public static GraphQLSchema Build()
    {
        var report = new object();
        return new SchemaBuilder()
            .Query("Query", query => query
                .Field("report", "Report!", f => f.Resolve(_ => report)))
            .Object("Report", type =>
            {
                for (var i = 1; i <= FieldCount; i++)
                {
                    var (fieldType, value) = Field(i);
                    type.Field(FieldName(i), fieldType, f => f.Resolve(_ => value));
                }
            })
            .Build();
    }
}
