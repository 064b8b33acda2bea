using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Reports;
using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Reports;

public sealed class CatalogueTests
{
    private static readonly ProductEnvironment Acme = new("acme", "Acme", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero); // 22:00 on 28 February in New York

    [Fact]
    public void The_listed_month_defaults_to_the_current_month_in_the_environments_zone()
    {
        var context = ReportContext.For(Acme, null, Now);
        Assert.Equal(new Month(2026, 2), context.Month);
        Assert.False(context.IsClosed);
        Assert.True(context.IsMonthClosed(new Month(2026, 1)));
    }

    [Fact]
    public void A_trend_is_one_query_per_month_for_the_twelve_months_ending_with_the_listed_one()
    {
        var context = new ReportContext(Acme, new Month(2026, 2), Now);
        var trend = SearchFigures.SearchesTrend(context);
        Assert.Equal(12, trend.Queries.Count);
        Assert.Equal(new Month(2025, 3), trend.Queries[0].Month);
        Assert.Equal(new Month(2026, 2), trend.Queries[^1].Month);
        Assert.All(trend.Queries, q => Assert.IsType<TotalShape>(q.Shape));
        Assert.Equal(12, trend.Queries.Select(q => q.CacheKey).Distinct().Count());
    }

    [Fact]
    public void Downloads_leave_bulk_out_unless_asked()
    {
        var context = new ReportContext(Acme, new Month(2026, 2), Now);
        Assert.All(DownloadFigures.Report(context).Queries, q => Assert.Equal(BulkDownloads.Exclude, q.Filter.BulkDownloads));
        Assert.All(DownloadFigures.Report(context, includeBulk: true).Queries, q => Assert.Equal(BulkDownloads.Include, q.Filter.BulkDownloads));
        // Active users count a user whatever they did, bulk downloads included.
        Assert.All(SummaryFigures.ActiveUsers(context).Queries, q => Assert.Equal(BulkDownloads.Include, q.Filter.BulkDownloads));
    }

    [Fact]
    public async Task A_batch_asks_the_store_once_and_shares_identical_queries()
    {
        var context = new ReportContext(Acme, new Month(2026, 2), Now);
        var store = new ConstantStore();
        var batch = new ReportBatch();
        var summary = batch.Add(SummaryFigures.Report(context));
        var searches = batch.Add(SearchFigures.SearchesTrend(context));
        var downloads = batch.Add(SummaryFigures.Downloads(context, includeBulk: false));
        await batch.ExecuteAsync(store);

        Assert.Equal(1, store.Calls);
        // the summary's 10 queries, + 5 for January to date (February is open at Now), + 12 trend months,
        // of which February and January repeat summary searches; downloads repeat entirely
        Assert.Equal(10 + 5 + 12 - 2, store.LastBatchSize);
        Assert.Equal(7, summary.Value.Searches.Current);
        Assert.Equal(7, summary.Value.Searches.PreviousToDate);
        Assert.Equal(7, searches.Value[^1].Value);
        Assert.Equal(0.0, downloads.Value.PercentChange);
        Assert.Throws<InvalidOperationException>(() => batch.Add(SearchFigures.SearchesTrend(context)));
    }

    [Fact]
    public void Percent_change_is_null_when_the_previous_month_is_zero()
    {
        Assert.Null(new Comparison(3, 0).PercentChange);
        Assert.Equal(-100.0, new Comparison(0, 4).PercentChange);
        Assert.Equal(-4, new Comparison(0, 4).Change);
    }

    /// <summary>Answers every total with 7 and every list with nothing: enough to check the batching, not the figures (the SQLite tests do those).</summary>
    private sealed class ConstantStore : IReportStore
    {
        public int Calls { get; private set; }
        public int LastBatchSize { get; private set; }

        public Task<IReadOnlyList<QueryResult>> ExecuteAsync(IReadOnlyList<ReportQuery> batch, CancellationToken cancellationToken = default)
        {
            Calls++;
            LastBatchSize = batch.Count;
            return Task.FromResult<IReadOnlyList<QueryResult>>(batch.Select(q => q.Shape switch
            {
                TotalShape => (QueryResult)new TotalResult(7),
                TopShape => new TopResult([]),
                _ => new HistogramResult([]),
            }).ToArray());
        }
    }
}
