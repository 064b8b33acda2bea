using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Api.Maintenance;
using GraphReports.Api.Tests.Reports;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Queries;
using GraphReports.Sqlite.Recent;
using GraphReports.Sqlite.Rollups;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphReports.Api.Tests.Maintenance;

/// <summary>
/// <see cref="RecentEventsLoader"/> over a real store file: when the Api starts, every configured environment's events
/// of the open months are loaded before any request asks (the test polls, with a generous timeout, never timing).
/// </summary>
public sealed class RecentEventsLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("graphreports-recent-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static ActivityEvent Search(string id, DateTimeOffset at) => new()
    {
        Id = id, Type = EventType.Search, Timestamp = at, User = "u-1", Session = "s-1", Search = new SearchDetails(SearchKind.Text, "red car"),
    };

    [Fact]
    public async Task At_start_it_loads_the_open_months_of_every_environment_and_leaves_older_events_to_SQL()
    {
        var options = new GraphReportsOptions();
        options.Environments["acme"] = new EnvironmentOptions { TimeZone = "Europe/Berlin" };
        options.Environments["globex"] = new EnvironmentOptions { TimeZone = "America/New_York" };
        var environments = new CredentialDirectory(options);
        var storeOptions = new SqliteStoreOptions { Path = Path.Combine(_folder, "store.db") };
        using var writer = ReportingStore.Open(storeOptions, environments.TimeZoneOf);
        // "Now" is 10 March 2026: the window holds February and March (from 31 January), not January 20th.
        var clock = new TestClock(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        await writer.WriteAsync("acme", [Search("a1", new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero)), Search("a2", new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero)), Search("a3", new(2026, 3, 1, 0, 30, 0, TimeSpan.Zero))]);
        await writer.WriteAsync("globex", [Search("g1", new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero))]);
        var recent = RecentEvents.OpenMonths(clock);
        var reports = new SqliteReportStore(storeOptions) { Recent = recent };

        using var service = new RecentEventsLoader(reports, environments, clock, NullLogger<RecentEventsLoader>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((recent.RowsOf("acme"), recent.RowsOf("globex")) != (2, 1) && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.Equal((2, 1), (recent.RowsOf("acme"), recent.RowsOf("globex")));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
