using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphReports.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> (Debian's) on a free 127.0.0.1 port, in a temporary folder of its own,
/// stopped (and the folder deleted) on dispose. <see cref="StopAsync"/> and <see cref="RestartAsync"/>
/// simulate outages on the same port; with <c>appendOnly</c> the data survives them.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly bool _appendOnly;
    private Process? _process;

    private RedisServer(bool appendOnly)
    {
        _appendOnly = appendOnly;
        Folder = Directory.CreateTempSubdirectory("graphreports-redis-").FullName;
        Port = FreePort();
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(bool appendOnly = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(appendOnly);
            try
            {
                await server.RestartAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync(); // the free port was taken meanwhile (tests run in parallel): another one
            }
        }
    }

    public async Task RestartAsync()
    {
        var info = OnRealClock(new ProcessStartInfo(FindExecutable())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder,
        });
        foreach (var a in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", Folder, "--save", "",
                     "--appendonly", _appendOnly ? "yes" : "no", "--appendfsync", "always", "--daemonize", "no",
                     "--maxmemory-policy", "volatile-lru"])
            info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                await using var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    await Task.Delay(100); // a server that could not bind exits; the PONG may have come from another test's
                    if (_process.HasExited) throw new InvalidOperationException($"redis-server could not listen on {Port}");
                    return;
                }
            }
            catch (SocketException) when (attempt < 100) { }
            catch (IOException) when (attempt < 100) { }
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Redis's programs hang or crash under libfaketime (recursive clock_gettime), and their clock is not what a
    /// faketime run of the suite tests: they are started without it, on the real clock.
    /// </summary>
    private static ProcessStartInfo OnRealClock(ProcessStartInfo info)
    {
        foreach (var variable in (string[])["LD_PRELOAD", "FAKETIME", "FAKETIME_NO_CACHE", "DONT_FAKE_MONOTONIC"])
            info.Environment.Remove(variable);
        return info;
    }

    /// <summary>Kills the server (SIGKILL, no save): an outage, or a crash.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs one command with redis-cli (for what the client library keeps for admin mode, such as CLIENT PAUSE).</summary>
    public async Task<string> CliAsync(params string[] command)
    {
        var info = OnRealClock(new ProcessStartInfo(Path.Combine(Path.GetDirectoryName(FindExecutable())!, "redis-cli")) { RedirectStandardOutput = true, UseShellExecute = false });
        foreach (var a in (string[])["-h", "127.0.0.1", "-p", Port.ToString(), .. command]) info.ArgumentList.Add(a);
        using var cli = Process.Start(info)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output.Trim();
    }

    /// <summary>
    /// A connection as the services make it, once connected. The command timeout is generous by default: the
    /// machine running the tests is shared and a call slower than the product's 250 ms would count as an outage.
    /// </summary>
    public RedisConnection Connect(int commandTimeoutMilliseconds = 2000)
    {
        var connection = RedisConnection.Connect(new RedisOptions
        {
            Configuration = Configuration, CommandTimeoutMilliseconds = commandTimeoutMilliseconds, ConnectTimeoutMilliseconds = 5000,
        }, NullLogger<RedisConnection>.Instance);
        for (var i = 0; i < 100 && !connection.Multiplexer.IsConnected; i++) Thread.Sleep(50);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static string FindExecutable()
    {
        foreach (var candidate in (string[])["/usr/bin/redis-server", "/usr/local/bin/redis-server"])
            if (File.Exists(candidate)) return candidate;
        throw new InvalidOperationException("redis-server is not installed: run scripts/install-prerequisites.sh (apt-get install redis-server).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
