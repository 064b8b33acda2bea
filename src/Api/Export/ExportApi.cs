using System.Text;
using GraphReports.Api.Reports;
using GraphReports.GraphQL.Execution;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphReports.Api.Export;

/// <summary>
/// <c>GET /export/{section}/{figure}.csv</c>: every trend and top list of the report schema as
/// RFC 4180 CSV in UTF-8, for BI tools and spreadsheets, with the same credential as GraphQL.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/{section}/{figure}.csv", HandleAsync).WithDisplayName("CSV export");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string section, string figure, HttpContext context,
        IRequestExecutor executor, ReportCaller caller, IOptions<ExportOptions> options)
    {
        var export = CsvExports.Find(section, figure);
        if (export is null)
            return Problem(StatusCodes.Status404NotFound, $"There is no export {section}/{figure}.csv. Exports: "
                + string.Join(", ", CsvExports.All.Select(e => $"{e.Section}/{e.Figure}.csv")) + ".");

        var repeated = context.Request.Query.FirstOrDefault(p => p.Value.Count > 1).Key;
        if (repeated is not null)
            return Problem(StatusCodes.Status400BadRequest, $"The parameter '{repeated}' is given more than once.");
        var parameters = context.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.Ordinal);
        var query = ExportQuery.TryParse(export, parameters, out var error);
        if (query is null)
            return Problem(StatusCodes.Status400BadRequest, error!);

        if (query.Key is { } key)
        {
            if (!options.Value.AllowKeyInQuery)
                return Problem(StatusCodes.Status400BadRequest,
                    "Keys in URLs are turned off on this server (GraphReports:Export:AllowKeyInQuery): send 'Authorization: Bearer <key>'.");
            if (context.Request.Headers.Authorization.Count > 0)
                return Problem(StatusCodes.Status400BadRequest, "Send the key either as '?key=' or in the Authorization header, not both.");
            caller.UseKey(key);
        }
        if (!caller.TryGetEnvironment(out _, out var credentialError))
        {
            var forbidden = ReportErrors.CodeOf(credentialError!) == ReportErrors.Forbidden;
            if (!forbidden) context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized, credentialError!.Message);
        }

        var result = await executor.ExecuteAsync(query.ToGraphQLRequest(context.RequestServices), context.RequestAborted);
        if (result.Errors.Count > 0 || !result.HasData)
        {
            var first = result.Errors.FirstOrDefault();
            var status = (first is null ? null : ReportErrors.CodeOf(first)) switch
            {
                ReportErrors.BadUserInput => StatusCodes.Status400BadRequest,
                ReportErrors.Unauthenticated => StatusCodes.Status401Unauthorized,
                ReportErrors.Forbidden => StatusCodes.Status403Forbidden,
                ReportErrors.NotFound => StatusCodes.Status404NotFound,
                // Variables are checked by GraphQL coercion (a month like "2026-13"): the caller's mistake too.
                _ when result.Outcome != RequestOutcome.Executed => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            };
            if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(status, string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var rows = ExportTable.Rows(export, result);
        var month = ((result.Data!["environment"] as IReadOnlyDictionary<string, object?>)?[export.Section] as IReadOnlyDictionary<string, object?>)?["month"];
        var csv = CsvWriter.ToCsv(export.Columns.Select(c => c.Name).ToArray(), rows, query.EscapeFormulas);
        context.Response.Headers.CacheControl = "private, no-cache";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{export.Section}-{export.Figure}-{month}.csv",
        }.ToString();
        return Results.Text(csv, CsvWriter.ContentType, Encoding.UTF8);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
