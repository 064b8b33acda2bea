using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphReports.Api.Reports.Schema;
using GraphReports.GraphQL.Execution;

namespace GraphReports.Api.Export;

/// <summary>
/// The parameters of one CSV export, checked, and the GraphQL request that fetches it: an export is
/// an ordinary report query, so it has exactly the GraphQL schema's tenancy, validation and errors.
/// </summary>
public sealed record ExportQuery(CsvExport Export, string? Month, int? Limit, bool? IncludeBulk, string? Key, bool EscapeFormulas)
{
    /// <summary>The query-string parameters an export understands.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["month", "limit", "includeBulk", "key", "formulas"];

    /// <summary>Reads and checks the query string; <paramref name="error"/> says what is wrong, naming the parameter.</summary>
    public static ExportQuery? TryParse(CsvExport export, IReadOnlyDictionary<string, string?> query, out string? error)
    {
        error = null;
        foreach (var name in query.Keys)
        {
            if (!Parameters.Contains(name, StringComparer.Ordinal))
            {
                error = $"Unknown parameter '{name}': an export takes {string.Join(", ", Parameters)}.";
                return null;
            }
        }
        // Checked here, not by GraphQL's coercion of $month, so that the message names the URL parameter.
        if (query.TryGetValue("month", out var monthText) && !ReportScalars.TryParseMonth(monthText ?? "", out _))
        {
            error = $"'month' must be a month written YYYY-MM with a month from 01 to 12, for example 2026-03, not '{monthText}'.";
            return null;
        }
        int? limit = null;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!export.IsTopList)
            {
                error = $"'limit' applies to top lists; {export.Section}/{export.Figure} is not one.";
                return null;
            }
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                error = $"'limit' must be a whole number from 1 to 100, not '{limitText}'.";
                return null;
            }
            limit = parsed;
        }
        bool? includeBulk = null;
        if (query.TryGetValue("includeBulk", out var bulkText))
        {
            if (!export.TakesIncludeBulk)
            {
                error = $"'includeBulk' applies to the sections {string.Join(", ", CsvExport.SectionsWithIncludeBulk.Order(StringComparer.Ordinal))}; not to {export.Section}.";
                return null;
            }
            if (!TryParseBoolean(bulkText, out var parsed))
            {
                error = $"'includeBulk' must be true or false, not '{bulkText}'.";
                return null;
            }
            includeBulk = parsed;
        }
        var escapeFormulas = true;
        if (query.TryGetValue("formulas", out var formulas))
        {
            if (formulas is not ("escape" or "keep"))
            {
                error = $"'formulas' must be 'escape' (the default) or 'keep', not '{formulas}'.";
                return null;
            }
            escapeFormulas = formulas == "escape";
        }
        return new ExportQuery(export, query.GetValueOrDefault("month"), limit, includeBulk, query.GetValueOrDefault("key"), escapeFormulas);
    }

    /// <summary>The GraphQL request fetching this export; only the variables given are declared, so defaults apply as in GraphQL.</summary>
    public GraphQLRequest ToGraphQLRequest(IServiceProvider? services)
    {
        var definitions = new List<string> { "$month: Month" };
        var sectionArguments = new List<string> { "month: $month" };
        var variables = new Dictionary<string, object?> { ["month"] = Month };
        if (IncludeBulk is { } bulk)
        {
            definitions.Add("$includeBulk: Boolean");
            sectionArguments.Add("includeBulk: $includeBulk");
            variables["includeBulk"] = bulk;
        }
        var figureArguments = "";
        if (Limit is { } limit)
        {
            definitions.Add("$limit: Int");
            figureArguments = "(limit: $limit)";
            variables["limit"] = limit;
        }
        var document = new StringBuilder()
            .Append("query Export(").AppendJoin(", ", definitions).Append(") { environment { ")
            .Append(Export.Section).Append('(').AppendJoin(", ", sectionArguments).Append(") { ")
            .Append(Export.RowsAreFields ? "month " + Export.Selection : $"month {Export.Figure}{figureArguments} {{ {Export.Selection} }}")
            .Append(" } } }")
            .ToString();
        return new GraphQLRequest(document, "Export", JsonSerializer.SerializeToElement(variables)) { QueriesOnly = true, Services = services };
    }

    private static bool TryParseBoolean(string? text, out bool value)
    {
        value = text == "true";
        return text is "true" or "false";
    }
}
