using GraphReports.Analytics.Environments;
using GraphReports.Api.Demo;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace GraphReports.Api.Apis;

/// <summary>
/// The reports page (docs/reports-page.md): static files from <c>ReportsPage/site</c> beside the
/// Api's dll at <c>/reports/</c>, the example operations it runs at <c>/reports/operations/</c>,
/// <c>/</c> and <c>/reports</c> redirected to <c>/reports/</c>, and the demo keys for its sign-in note. The page
/// reads every figure through the public GraphQL endpoint with the key the user signs in with.
/// </summary>
public static class ReportsPageApi
{
    public const string Path = "/reports";

    /// <summary>Where the page's files are copied by the build (src/Api/GraphReports.Api.csproj).</summary>
    public static string SiteFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "ReportsPage", "site");

    public static WebApplication MapReportsPage(this WebApplication app)
    {
        var files = new PhysicalFileProvider(SiteFolder);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".graphql"] = "text/plain; charset=utf-8";
        // /reports is redirected to /reports/ by the default-files middleware, which serves index.html there.
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            ContentTypeProvider = types,
            // The page is small and changes with the Api: revalidate rather than cache stale code.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", () => Results.Redirect(Path + "/"));
        app.MapGet(Path + "/sign-in.json", (CredentialDirectory credentials) => Results.Ok(new
        {
            demoKeys = DemoKeys.StillOpen(credentials)
                .Select(x => new { environment = x.Environment.Id, name = x.Environment.Name, key = x.Key }),
        }));
        return app;
    }
}
