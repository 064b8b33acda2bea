using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GraphReports.Analytics.Environments;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Indexer.Tests;

/// <summary>A folder under the system temp folder, deleted with everything in it at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "graphreports-tests", Guid.NewGuid().ToString("N")));

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Two test environments with known keys, given to hosts as configuration arguments.</summary>
public static class TestEnvironments
{
    public const string Alpha = "alpha", Beta = "beta";
    public const string AlphaIngestKey = "alpha-ingest-test-key", AlphaApiKey = "alpha-api-test-key", BetaIngestKey = "beta-ingest-test-key";

    /// <summary>Alpha's website: every trackable type, from <see cref="AlphaOrigin"/>.</summary>
    public const string AlphaSiteKey = "alpha-site-test-key", AlphaOrigin = "https://www.alpha.example";

    /// <summary>A second key of Alpha that may send impressions only, from the same origin.</summary>
    public const string AlphaImpressionsOnlyKey = "alpha-impressions-test-key";

    public static string[] Args(string storePath) =>
    [
        $"--GraphReports:Storage:Path={storePath}",
        $"--GraphReports:Environments:{Alpha}:Name=Alpha",
        $"--GraphReports:Environments:{Alpha}:TimeZone=Europe/Berlin",
        $"--GraphReports:Environments:{Alpha}:IngestKeyHashes:0={KeyHasher.Hash(AlphaIngestKey)}",
        $"--GraphReports:Environments:{Alpha}:ApiKeyHashes:0={KeyHasher.Hash(AlphaApiKey)}",
        $"--GraphReports:Environments:{Beta}:IngestKeyHashes:0={KeyHasher.Hash(BetaIngestKey)}",
        $"--GraphReports:Environments:{Alpha}:SiteKeys:0:Key={AlphaSiteKey}",
        $"--GraphReports:Environments:{Alpha}:SiteKeys:0:AllowedOrigins:0={AlphaOrigin}",
        $"--GraphReports:Environments:{Alpha}:SiteKeys:1:Key={AlphaImpressionsOnlyKey}",
        $"--GraphReports:Environments:{Alpha}:SiteKeys:1:AllowedOrigins:0={AlphaOrigin}",
        $"--GraphReports:Environments:{Alpha}:SiteKeys:1:EventTypes:0=asset.impression",
    ];
}

/// <summary>The collector started in this process on 127.0.0.1 and a free port, with its own store file; stopped on dispose.</summary>
public sealed class InProcessIndexer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _folder = new();

    private InProcessIndexer(string[] extraArgs)
    {
        StorePath = _folder.File("store.db");
        _app = IndexerHost.Build([.. TestEnvironments.Args(StorePath), "--urls", "http://127.0.0.1:0", .. extraArgs]);
    }

    public string StorePath { get; }
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessIndexer> StartAsync(params string[] extraArgs)
    {
        var server = new InProcessIndexer(extraArgs);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Client = new HttpClient { BaseAddress = new Uri(address) };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>Where the built hosts are, and free ports for child processes.</summary>
public static class BuiltHosts
{
    /// <summary>The repository root (the folder holding GraphReports.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Release or Debug: whatever this test assembly was built as.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static string IndexerDll => Path.Combine(RepositoryRoot, "src", "Indexer", "bin", Configuration, "net10.0", "GraphReports.Indexer.dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>dotnet &lt;dll&gt; args</c> to completion; returns exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string dll, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(dll, args, redirectStdin: stdin is not null);
        if (stdin is not null) { await process.StandardInput.WriteAsync(stdin); process.StandardInput.Close(); }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException($"dotnet {Path.GetFileName(dll)} {string.Join(' ', args)} did not finish"); }
        return (process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(string dll, IEnumerable<string> args, bool redirectStdin = false)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectStdin, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("GraphReports.sln not found above " + AppContext.BaseDirectory);
    }
}
