using System.Net;
using System.Net.Sockets;
using GraphReports.Analytics.Queries;
using GraphReports.Elasticsearch.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace GraphReports.Api.Tests;

/// <summary><c>GraphReports:Store</c> chooses the store the Api reads; a cluster it cannot use stops the start with the reason.</summary>
public sealed class StoreSelectionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphreports-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string[] Args(params string[] extra) =>
        ["--urls=http://127.0.0.1:0", $"--GraphReports:Storage:Path={Path.Combine(_folder, "store.db")}", "--GraphReports:Demo:LoadOnEmptyStore=false", .. extra];

    [Fact]
    public async Task The_default_store_is_SQLite()
    {
        await using var app = ApiHost.Build(Args());
        // Behind the answer cache (docs/redis.md) and its latency measurement.
        var cache = Assert.IsType<Redis.Caching.ClosedMonthCache>(app.Services.GetRequiredService<IReportStore>());
        var measured = Assert.IsType<Analytics.Diagnostics.MeasuredReportStore>(cache.Store);
        Assert.IsType<Sqlite.Queries.SqliteReportStore>(measured.Inner);
    }

    [Fact]
    public async Task Elasticsearch_reports_read_the_cluster_and_an_unreachable_one_stops_the_start_naming_its_url()
    {
        // A port nothing listens on: reserved, then released.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var app = ApiHost.Build(Args("--GraphReports:Store=Elasticsearch", $"--GraphReports:Elasticsearch:Url=http://127.0.0.1:{port}",
            "--GraphReports:Elasticsearch:RequestTimeout=00:00:05"));
        Assert.IsType<ElasticsearchReportStore>(app.Services.GetRequiredService<IReportStore>());
        var error = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => ApiHost.StartAsync(app));
        Assert.Contains($"the Elasticsearch cluster at http://127.0.0.1:{port} is unreachable", error.Message);
    }

    [Fact]
    public void An_unknown_store_stops_the_build_naming_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ApiHost.Build(Args("--GraphReports:Store=Mongo")));
        Assert.Contains("GraphReports:Store is 'Mongo'; it must be Sqlite (the default) or Elasticsearch", error.Message);
    }
}
