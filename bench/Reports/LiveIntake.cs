using System.Diagnostics;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;

using GraphReports.Analytics.Queries;
using GraphReports.Sqlite;
using GraphReports.Sqlite.Rollups;

namespace GraphReports.Bench.Reports;

/// <summary>
/// What happens to a store after its import while users read the dashboard: events of the open
/// month keep arriving in small durable batches (as the Indexer's collector writes them), and the
/// Api's <c>RollupMaintenanceService</c> rebuilds what went stale. Events are the demo generator's
/// with another seed, renamed so that none is a duplicate.
/// </summary>
internal sealed class LiveIntake(SqliteEventStore store, ProductEnvironment env, DateTimeOffset now)
{
    private readonly Queue<Analytics.Events.ActivityEvent> _pending = new();

    public async Task PrepareAsync(int count)
    {
        var monthStart = Analytics.Time.ZonedCalendar.PeriodOf(Analytics.Time.ZonedCalendar.MonthOf(now, env.TimeZone), env.TimeZone).Start;
        var run = DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 1_000_000; // a new prefix per run: no event is a duplicate of an earlier run's
        var generator = new DemoDataGenerator(env, new DemoDataOptions { Events = count * 40L, Now = now, Seed = 7, LateShare = 0, DuplicateShare = 0 });
        await foreach (var e in generator.ReadEventsAsync(new Analytics.Events.EventJsonReader(new FixedTime(now))))
            if (e.Timestamp >= monthStart && _pending.Count < count) _pending.Enqueue(e with { Id = $"live{run}-{e.Id}" });
    }

    /// <summary>Writes <paramref name="events"/> events in batches of <paramref name="batch"/>, each durable, as the collector does.</summary>
    public async Task WriteAsync(int events, int batch)
    {
        while (events > 0 && _pending.Count > 0)
        {
            var part = new List<Analytics.Events.ActivityEvent>();
            while (part.Count < Math.Min(batch, events) && _pending.TryDequeue(out var e)) part.Add(e);
            await store.WriteAsync(env.Id, part);
            events -= part.Count;
        }
    }

    /// <summary>The Api's background work: rebuild the stale closed months (the open month too, when it went stale).</summary>
    public Task<RollupBuildTotals> MaintainAsync() => ReportRollups.BuildStaleAsync(store, _ => env.TimeZone);

    /// <summary>Time from posting one event to the open month's event count showing it.</summary>
    public async Task<TimeSpan> VisibleAfterAsync(IReportStore reports, ReportContext context)
    {
        var count = new ReportQuery(context.Filter(), Measure.Events, new TotalShape());
        var before = ((TotalResult)(await reports.ExecuteAsync([count]))[0]).Value;
        var watch = Stopwatch.StartNew();
        await WriteAsync(1, 1);
        while (((TotalResult)(await reports.ExecuteAsync([count]))[0]).Value != before + 1)
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException("the posted event never showed");
        return watch.Elapsed;
    }

    public bool IsOpenMonthCurrent(ReportContext context)
    {
        using var connection = store.Reader.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current FROM report_rollup_month WHERE env = $env AND month = $month";
        command.Parameters.AddWithValue("$env", env.Id);
        command.Parameters.AddWithValue("$month", context.Month.Year * 100 + context.Month.Number);
        return command.ExecuteScalar() is 1L;
    }
}
