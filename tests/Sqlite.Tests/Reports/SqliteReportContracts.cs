using GraphReports.Reports.Contract;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Sqlite.Tests.Reports;

/// <summary>The hand-counted figures, every month stale: everything is read by scans of the events.</summary>
public sealed class HandMadeReportsFromScans : HandMadeReportContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => new ReportDatabase(zoneOf);
}

/// <summary>The hand-counted figures after every month's rollups were rebuilt: month figures read the rollups.</summary>
public sealed class HandMadeReportsFromRollups : HandMadeReportContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => new ReportDatabase(zoneOf);

    protected override void Loaded(IContractStore store) => ((ReportDatabase)store).BuildRollups();

    [Fact]
    public async Task A_late_event_is_added_to_its_closed_months_current_rollups_and_rebuilt_they_agree()
    {
        var db = (ReportDatabase)Store;
        Assert.Equal(1, db.Write(Acme.Id, [LateFebruaryUpload]));
        Assert.Empty(db.StaleMonths()); // the writer added it to February's rollups, which stay current
        var kept = (await Analytics.Reports.SummaryFigures.Report(MarchContext).ExecuteAsync(db.Store)).Value;
        Assert.Equal((1, 1, 0, 0.0), (kept.Uploads.Current, kept.Uploads.Previous, kept.Uploads.Change, kept.Uploads.PercentChange));
        db.RebuildAllRollups();
        Assert.Empty(db.StaleMonths());
        var rebuilt = (await Analytics.Reports.SummaryFigures.Report(MarchContext).ExecuteAsync(db.Store)).Value;
        Assert.Equal((1, 1, 0, 0.0), (rebuilt.Uploads.Current, rebuilt.Uploads.Previous, rebuilt.Uploads.Change, rebuilt.Uploads.PercentChange));
        Assert.Equal((4, 2, 2, 100.0), (rebuilt.ActiveUsers.Current, rebuilt.ActiveUsers.Previous, rebuilt.ActiveUsers.Change, rebuilt.ActiveUsers.PercentChange));
    }
}

/// <summary>Random slices on SQLite: answered from scans (every month stale), then again from the rebuilt rollups.</summary>
public sealed class SqliteMatchesOraclePropertyTests : RandomSlicesContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => new ReportDatabase(zoneOf);

    protected override IEnumerable<string> AnswerModes(IContractStore store)
    {
        yield return "scans";
        Assert.True(((ReportDatabase)store).BuildRollups() > 0);
        yield return "rollups";
    }
}

/// <summary>The hand-counted figures answered from every event held in memory (<see cref="GraphReports.Sqlite.Recent.RecentEvents"/>).</summary>
public sealed class HandMadeReportsFromRecentEvents : HandMadeReportContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => new ReportDatabase(zoneOf, Sqlite.Recent.RecentEvents.All());
}

/// <summary>Random slices answered from every event held in memory, the rollups stale and then rebuilt (neither is read).</summary>
public sealed class RecentEventsMatchOraclePropertyTests : RandomSlicesContract
{
    protected override IContractStore CreateStore(Func<string, TimeZoneInfo> zoneOf) => new ReportDatabase(zoneOf, Sqlite.Recent.RecentEvents.All());

    protected override IEnumerable<string> AnswerModes(IContractStore store)
    {
        yield return "recent events";
        Assert.True(((ReportDatabase)store).BuildRollups() > 0);
        yield return "recent events, rollups rebuilt";
    }
}
