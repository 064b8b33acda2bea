using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// Serves the Banana Cake Pop IDE from the files the build copied out of its npm package
/// (see GraphReports.GraphQL.csproj), and its <c>bcp-config.json</c>: the browser's URL as endpoint,
/// our title, the headers a new document starts with, telemetry off. Nothing is fetched from elsewhere.
/// </summary>
internal sealed partial class BananaCakePopFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly PhysicalFileProvider? _files;
    private readonly byte[] _config;
    private readonly Lazy<byte[]?> _index;

    public BananaCakePopFiles(BananaCakePopOptions options)
    {
        // A missing folder (the build did not install the IDE) must not stop the GraphQL endpoint: the IDE then answers 404.
        _files = Directory.Exists(options.FilesDirectory) ? new PhysicalFileProvider(Path.GetFullPath(options.FilesDirectory)) : null;
        var config = new Dictionary<string, object>
        {
            ["title"] = options.Title,
            ["useBrowserUrlAsEndpoint"] = true,
            ["disableTelemetry"] = true,
        };
        // Version 18 reads the endpoint, sdlEndpoint, httpHeaders, includeCookies and useGet of a new document from here.
        if (options.HttpHeaders.Count > 0) config["httpHeaders"] = new Dictionary<string, string>(options.HttpHeaders);
        _config = JsonSerializer.SerializeToUtf8Bytes(config);
        _index = new(() => ReadIndexWithTitle(options.Title));
    }

    // This version of the IDE does not read "title" from its config for the browser tab: the page's <title> carries it.
    private byte[]? ReadIndexWithTitle(string title)
    {
        var file = _files?.GetFileInfo("index.html");
        if (file is null || !file.Exists)
            return null;
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        var html = TitleElement().Replace(reader.ReadToEnd(), "<title>" + HtmlEncoder.Default.Encode(title) + "</title>", 1);
        return Encoding.UTF8.GetBytes(html);
    }

    [GeneratedRegex("<title>[^<]*</title>")]
    private static partial Regex TitleElement();

    public async Task ServeAsync(HttpContext context, string subPath, bool isIndex)
    {
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }
        if (subPath == "/bcp-config.json")
        {
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            await response.Body.WriteAsync(_config, context.RequestAborted);
            return;
        }

        if (isIndex || subPath == "/index.html")
        {
            await ServeIndexAsync(context);
            return;
        }

        var file = _files?.GetFileInfo(subPath);
        if (file is null || !file.Exists || file.IsDirectory)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        response.ContentType = ContentTypes.TryGetContentType(file.Name, out var type)
            ? (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? type + "; charset=utf-8" : type)
            : "application/octet-stream";
        // Files under static/ carry a content hash in their names; the rest may change with the package version.
        response.Headers.CacheControl = subPath.StartsWith("/static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(context.Request.Method))
            return;
        await response.SendFileAsync(file, context.RequestAborted);
    }

    private async Task ServeIndexAsync(HttpContext context)
    {
        if (_index.Value is not { } index)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = index.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await context.Response.Body.WriteAsync(index, context.RequestAborted);
    }
}
