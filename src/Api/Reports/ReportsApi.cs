using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Queries;
using GraphReports.Api.Export;
using Microsoft.Extensions.Options;
using GraphReports.Api.Reports.Caching;
using GraphReports.Api.Reports.Schema;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Http;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphReports.Api.Reports;

/// <summary>
/// Wires the report schema into the Api host: <c>services.AddReports(configuration)</c> and
/// <c>app.MapReportsApi()</c> are the only two lines the host needs.
/// </summary>
public static class ReportsApi
{
    /// <summary>The name of the per-request batch loader every report field queues its store queries in.</summary>
    public const string LoaderName = "reports";

    /// <summary>
    /// Registers the report schema, its executor and the CSV export. Call it after the host registered
    /// its <see cref="CredentialDirectory"/> and its <see cref="IReportStore"/> (Extensions/ReportStoreRegistration.cs).
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(IReportStore)))
            throw new InvalidOperationException("AddReports needs the host's IReportStore registration (AddReportStore); call it after the host's services.");
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReportCaller>();
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.SectionName));
        services.TryAddSingleton(sp => CreateSchema(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IRequestExecutor>(sp => new RequestExecutor(sp.GetRequiredService<GraphQLSchema>(), new RequestExecutorOptions
        {
            // An internal error's id, which the client sees, finds its stack trace in the log.
            OnUnexpectedError = sp.GetService<GraphReports.Hosting.InternalErrorLog>() is { } log ? log.Log : null,
        }));
        return services;
    }


    /// <summary>The Authorization header a new IDE document starts with: replace the placeholder with an API key.</summary>
    public const string IdeAuthorizationPlaceholder = "Bearer <your api key>";

    /// <summary>Maps GraphQL (with the IDE and the SDL) at <c>/graphql</c> and the CSV export at <c>/export</c>.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var schema = endpoints.ServiceProvider.GetRequiredService<GraphQLSchema>();
        // Whole closed-month responses are reused here only (AddReportCache registers the cache); the export executes each time.
        var executor = endpoints.ServiceProvider.GetService<ClosedMonthResponseCache>() as IRequestExecutor
            ?? endpoints.ServiceProvider.GetRequiredService<IRequestExecutor>();
        endpoints.MapGraphQL("/graphql", executor, () => SchemaPrinter.Print(schema),
            options =>
            {
                options.Ide.Title = "GraphReports";
                // A new document of the IDE shows where the key goes; the user replaces the placeholder with a key.
                options.Ide.HttpHeaders["Authorization"] = IdeAuthorizationPlaceholder;
            });
        endpoints.MapExportApi();
        return endpoints;
    }

    /// <summary>
    /// The report schema whose <c>environment</c> field opens a <see cref="ReportScope"/> per request: the
    /// caller's environment (from the request's services), the request's instant, and the batch loader
    /// that hands every queued query of the request to the store in one call.
    /// </summary>
    public static GraphQLSchema CreateSchema(TimeProvider clock) => ReportSchema.Create(context =>
    {
        var services = context.Services ?? throw new InvalidOperationException("The report schema needs the request's services (the HTTP transport gives them).");
        var environment = services.GetRequiredService<ReportCaller>().RequireEnvironment();
        var store = services.GetRequiredService<IReportStore>();
        var loader = context.Loader<ReportQuery, QueryResult>(LoaderName, async (queries, cancellationToken) =>
        {
            AnswerDependencies.Asked(queries.Count); // a whole-response cache reuses the response only if each query is vouched for
            var results = await store.ExecuteAsync(queries, cancellationToken).ConfigureAwait(false);
            var answers = new Dictionary<ReportQuery, QueryResult>(queries.Count);
            for (var i = 0; i < queries.Count; i++) answers[queries[i]] = results[i];
            return answers;
        });
        return new ReportScope(environment, clock.GetUtcNow(), loader.LoadAsync);
    });
}
