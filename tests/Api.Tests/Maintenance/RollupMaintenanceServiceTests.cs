using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Time;
using GraphReports.Api.Maintenance;
using GraphReports.Api.Tests.Reports;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GraphReports.Api.Tests.Maintenance;

/// <summary>
/// <see cref="RollupMaintenanceService"/> over a real store file: it rebuilds stale months in the background,
/// the current month included; afterwards the writer keeps them current (a late event is added, not rebuilt). The tests wait for the state
/// they expect (polling, with a generous timeout) and never assert on timing.
/// </summary>
public class RollupMaintenanceServiceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphreports-tests", Guid.NewGuid().ToString("N"));
    private readonly CredentialDirectory _environments;

    public RollupMaintenanceServiceTests()
    {
        Directory.CreateDirectory(_folder);
        var options = new GraphReportsOptions();
        options.Environments["acme"] = new EnvironmentOptions { TimeZone = "Europe/Berlin" };
        options.Environments["globex"] = new EnvironmentOptions { TimeZone = "America/New_York" };
        _environments = new CredentialDirectory(options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string StorePath => Path.Combine(_folder, "store.db");

    private static ActivityEvent Search(string id, DateTimeOffset at) => new()
    {
        Id = id, Type = EventType.Search, Timestamp = at, User = "u-1", Session = "s-1", Search = new SearchDetails(SearchKind.Text, "red car"),
    };

    private static async Task<IReadOnlyList<(string EnvironmentId, int Month)>> WaitForStaleMonthsAsync(
        SqliteEventStore store, Func<string, TimeZoneInfo> zoneOf, IReadOnlyList<(string, int)> expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        var stale = ReportRollups.StaleMonths(store, zoneOf);
        while (!stale.SequenceEqual(expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            stale = ReportRollups.StaleMonths(store, zoneOf);
        }
        return stale;
    }

    [Fact]
    public async Task Every_interval_it_rebuilds_the_stale_months_and_the_writer_then_keeps_them_current()
    {
        using var store = ReportingStore.Open(new SqliteStoreOptions { Path = StorePath }, _environments.TimeZoneOf);
        // "Now" is 1 March 2026, 03:00 UTC: already March in Berlin (04:00), still February in New York (22:00 on the 28th).
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));
        await store.WriteAsync("acme", [Search("a1", new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero)), Search("a2", new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero)), Search("a3", new(2026, 3, 1, 0, 30, 0, TimeSpan.Zero))]);
        await store.WriteAsync("globex", [Search("g1", new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero))]);
        Assert.Equal([("acme", 202601), ("acme", 202602), ("globex", 202602), ("acme", 202603)], ReportRollups.StaleMonths(store, _environments.TimeZoneOf));

        using var service = new RollupMaintenanceService(store, _environments,
            Options.Create(new RollupMaintenanceOptions { Interval = TimeSpan.FromMilliseconds(200) }), clock, NullLogger<RollupMaintenanceService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // Every month is rebuilt, the current ones (acme's March, globex's February) included.
            Assert.Empty(await WaitForStaleMonthsAsync(store, _environments.TimeZoneOf, []));
            Assert.Equal(1, CurrentEvents(store, "acme", 202602));
            Assert.Equal(1, CurrentEvents(store, "acme", 202603));

            // A late event for acme's February and a live one for its March: the writer adds them to the current rollups.
            await store.WriteAsync("acme", [Search("a-late", new(2026, 2, 27, 12, 0, 0, TimeSpan.Zero)), Search("a-live", new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero))]);
            Assert.Empty(ReportRollups.StaleMonths(store, _environments.TimeZoneOf));
            Assert.Equal(2, CurrentEvents(store, "acme", 202602));
            Assert.Equal(2, CurrentEvents(store, "acme", 202603));
            Assert.Equal(1, CurrentEvents(store, "globex", 202602));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_interval_of_zero_switches_the_background_rebuild_off()
    {
        using var store = ReportingStore.Open(new SqliteStoreOptions { Path = StorePath }, _environments.TimeZoneOf);
        await store.WriteAsync("acme", [Search("a1", new(2026, 1, 20, 12, 0, 0, TimeSpan.Zero))]);
        using var service = new RollupMaintenanceService(store, _environments,
            Options.Create(new RollupMaintenanceOptions { Interval = TimeSpan.Zero }), new TestClock(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero)),
            NullLogger<RollupMaintenanceService>.Instance);

        await service.StartAsync(CancellationToken.None);
        // The service ends on its own (nothing scheduled) instead of running until stopped.
        await service.ExecuteTask!.WaitAsync(Patience);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal([("acme", 202601)], ReportRollups.StaleMonths(store, _environments.TimeZoneOf));
    }

    [Fact]
    public async Task The_api_host_runs_it_with_the_configured_interval_on_the_real_clock()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var app = ApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--GraphReports:Storage:Path={StorePath}",
            "--GraphReports:Demo:LoadOnEmptyStore=false",
            "--GraphReports:Rollups:Interval=00:00:00.2",
            "--GraphReports:Environments:acme:TimeZone=Europe/Berlin",
        ]);
        await using (app)
        {
            await ApiHost.StartAsync(app);
            var store = app.Services.GetRequiredService<SqliteEventStore>();
            // The real current month in Berlin, and the one before it (closed). Events at the first second
            // of the current month and the day before it, so both are in the past whatever today is.
            var current = ZonedCalendar.CurrentMonth(TimeProvider.System, berlin);
            var start = ZonedCalendar.PeriodOf(current, berlin).Start;
            await store.WriteAsync("acme", [Search("closed", start.AddDays(-1)), Search("open", start.AddSeconds(1))]);
            var closedMonth = MonthNumber(current.Previous());
            var currentMonth = MonthNumber(current);
            Func<string, TimeZoneInfo> zoneOf = _ => berlin;

            var stale = await WaitForStaleMonthsAsync(store, zoneOf, []);

            Assert.Empty(stale);
            Assert.Equal(1, CurrentEvents(store, "acme", closedMonth));
            Assert.Equal(1, CurrentEvents(store, "acme", currentMonth));
            await app.StopAsync();
        }
    }

    private static int MonthNumber(Month month) => month.Year * 100 + month.Number;

    /// <summary>The events a current month's rollups count (any type, no dimension), or -1 when the month is not current.</summary>
    private static long CurrentEvents(SqliteEventStore store, string env, int month)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT CASE WHEN m.current = 1 THEN coalesce((SELECT events FROM report_rollup r WHERE r.env = m.env AND r.month = m.month AND dim = 0 AND type = 0), 0) ELSE -1 END
            FROM report_rollup_month m WHERE m.env = $env AND m.month = $month
            """;
        command.Parameters.AddWithValue("$env", env);
        command.Parameters.AddWithValue("$month", month);
        return command.ExecuteScalar() is long events ? events : -1;
    }
}
