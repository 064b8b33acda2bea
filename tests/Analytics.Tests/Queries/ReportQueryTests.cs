using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Queries;

public sealed class ReportQueryTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly Period March = Period.ForMonth(new Month(2026, 3), Paris);

    [Fact]
    public void A_filter_cannot_be_built_without_an_environment()
    {
        Assert.Throws<ArgumentException>(() => new EventFilter("", March));
        Assert.Throws<ArgumentNullException>(() => new EventFilter(null!, March));
    }

    [Fact]
    public void A_month_period_runs_between_local_midnights_across_the_DST_change()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), March.From);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), March.To);
        Assert.True(March.Contains(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal(new Month(2026, 3), March.Month);
        Assert.Equal("Europe/Paris", March.Zone);
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Period(March.To, March.From));
        Assert.Contains("before it starts", error.Message);
    }

    [Fact]
    public void Equal_questions_have_equal_cache_keys_whatever_the_order_of_their_lists()
    {
        var a = new ReportQuery(new EventFilter("acme", March) { Users = ["bob", "alice"], Types = [EventType.Upload, EventType.Search] }, Measure.Events, TotalShape.Instance);
        var b = new ReportQuery(new EventFilter("acme", March) { Users = ["alice", "bob"], Types = [EventType.Search, EventType.Upload] }, Measure.Events, TotalShape.Instance);
        Assert.Equal(a.CacheKey, b.CacheKey);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Cache_keys_name_the_environment_and_the_month_and_tell_every_criterion_apart()
    {
        var month = new ReportQuery(new EventFilter("acme", March), Measure.DistinctUsers, TotalShape.Instance);
        Assert.Contains("env=acme", month.CacheKey);
        Assert.Contains("2026-03@Europe/Paris", month.CacheKey);
        Assert.Equal(new Month(2026, 3), month.Month);

        var keys = new[]
        {
            month,
            month with { },
            new ReportQuery(new EventFilter("acme2", March), Measure.DistinctUsers, TotalShape.Instance),
            new ReportQuery(new EventFilter("acme", March) { BulkDownloads = BulkDownloads.Exclude }, Measure.DistinctUsers, TotalShape.Instance),
            new ReportQuery(new EventFilter("acme", March) { Preset = false }, Measure.DistinctUsers, TotalShape.Instance),
            new ReportQuery(new EventFilter("acme", March) { Users = ["a,b"] }, Measure.DistinctUsers, TotalShape.Instance),
            new ReportQuery(new EventFilter("acme", March) { Users = ["a", "b"] }, Measure.DistinctUsers, TotalShape.Instance),
            new ReportQuery(new EventFilter("acme", March), Measure.DistinctSessions, TotalShape.Instance),
            new ReportQuery(new EventFilter("acme", March), Measure.DistinctUsers, new TopShape(Dimension.User, 10)),
        }.Select(q => q.CacheKey).ToArray();
        Assert.Equal(keys.Length - 1, keys.Distinct().Count()); // only the copy repeats
    }

    [Fact]
    public void Weighted_measures_with_the_same_weights_are_equal()
    {
        var a = Measure.Weighted(new Dictionary<EventType, int> { [EventType.AssetClick] = 10, [EventType.AssetImpression] = 1 });
        var b = Measure.Weighted(new Dictionary<EventType, int> { [EventType.AssetImpression] = 1, [EventType.AssetClick] = 10 });
        Assert.Equal(a, b);
        Assert.Equal("weighted(asset.impression:1,asset.click:10)", a.ToKey());
    }

    [Fact]
    public void Converted_sessions_are_asked_as_a_total_only()
    {
        var filter = new EventFilter("acme", March);
        Assert.Throws<ArgumentException>(() => new ReportQuery(filter, Measure.SessionsConverted(EventType.Search, EventType.Download), new TopShape(Dimension.User, 5)));
    }

    [Fact]
    public void A_top_list_has_at_least_one_entry()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopShape(Dimension.User, 0));
    }

    [Fact]
    public void Only_a_list_of_every_group_may_come_in_any_order_and_it_is_cached_apart()
    {
        Assert.Throws<ArgumentException>(() => new TopShape(Dimension.Asset, 10, anyOrder: true));
        Assert.NotEqual(new TopShape(Dimension.Asset, null).ToKey(), new TopShape(Dimension.Asset, null, anyOrder: true).ToKey());
    }
}
