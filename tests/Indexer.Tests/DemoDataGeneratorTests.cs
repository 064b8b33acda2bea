using System.Security.Cryptography;
using System.Text.Json;
using GraphReports.Analytics.Demo;
using GraphReports.Analytics.Environments;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Intake;

namespace GraphReports.Indexer.Tests;

public class DemoDataGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 5, 30, 0, TimeSpan.Zero);
    private static readonly ProductEnvironment Berlin = new("acme", "ACME", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    private static byte[] Generate(DemoDataOptions options, ProductEnvironment? environment = null)
    {
        using var output = new MemoryStream();
        new DemoDataGenerator(environment ?? Berlin, options).WriteNdjson(output);
        return output.ToArray();
    }

    private static async Task<List<(ActivityEvent Event, string Line)>> ReadValid(byte[] ndjson)
    {
        var reader = new EventJsonReader(new FixedClock(Now));
        var source = new NdjsonEventSource(new MemoryStream(ndjson));
        var events = new List<(ActivityEvent, string)>();
        while (await source.MoveNextAsync())
        {
            var result = reader.Read(source.Current.Span);
            Assert.True(result.IsAccepted, $"line {source.Line} rejected: {result.Error}");
            events.Add((result.Event!, System.Text.Encoding.UTF8.GetString(source.Current.Span)));
        }
        return events;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly Lazy<Task<List<(ActivityEvent Event, string Line)>>> Sample =
        new(() => ReadValid(Generate(new DemoDataOptions { Events = 60_000, Seed = 7, Now = Now })));

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var a = Generate(new DemoDataOptions { Events = 5_000, Seed = 1, Now = Now });
        var b = Generate(new DemoDataOptions { Events = 5_000, Seed = 1, Now = Now });
        var c = Generate(new DemoDataOptions { Events = 5_000, Seed = 2, Now = Now });
        Assert.Equal(SHA256.HashData(a), SHA256.HashData(b));
        Assert.NotEqual(SHA256.HashData(a), SHA256.HashData(c));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_234)]
    [InlineData(20_000)]
    public void Writes_exactly_the_requested_number_of_lines(long events)
    {
        var bytes = Generate(new DemoDataOptions { Events = events, Now = Now });
        Assert.Equal(events, bytes.Count(b => b == (byte)'\n'));
    }

    [Fact]
    public async Task Every_generated_event_passes_the_validator_and_every_type_occurs()
    {
        var events = await Sample.Value;
        Assert.Equal(60_000, events.Count);
        Assert.Equal(EventTypeNames.All.OrderBy(t => t), events.Select(e => e.Event.Type).Distinct().OrderBy(t => t));
        Assert.Equal(Enum.GetValues<SearchKind>(), events.Where(e => e.Event.Search is not null).Select(e => e.Event.Search!.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<UsageChannel>(), events.Where(e => e.Event.Channel is not null).Select(e => e.Event.Channel!.Value).Distinct().Order());
    }

    [Fact]
    public async Task Covers_thirteen_months_ending_with_the_current_one_and_nothing_later_than_now()
    {
        var events = await Sample.Value;
        var months = events.Select(e => TimeZoneInfo.ConvertTime(e.Event.Timestamp, Berlin.TimeZone).ToString("yyyy-MM")).Distinct().Order().ToArray();
        Assert.Equal(13, months.Length);
        Assert.Equal("2025-11", months[0]);
        Assert.Equal("2026-11", months[^1]);
        Assert.All(events, e => Assert.True(e.Event.Timestamp <= Now));
    }

    [Fact]
    public async Task Every_month_has_every_kind_of_figure_the_reports_show()
    {
        var byMonth = (await Sample.Value).GroupBy(e => TimeZoneInfo.ConvertTime(e.Event.Timestamp, Berlin.TimeZone).ToString("yyyy-MM"));
        foreach (var month in byMonth)
        {
            var types = month.Select(e => e.Event.Type).ToHashSet();
            Assert.True(types.SetEquals(EventTypeNames.All), $"{month.Key} lacks {string.Join(", ", EventTypeNames.All.Except(types))}");
            Assert.Contains(month, e => e.Event.Search?.Results == 0);
            Assert.Contains(month, e => e.Event.Download is { Bulk: true });
            Assert.Contains(month, e => e.Event.Type == EventType.CollectionDownloaded && e.Event.Download!.Preset is null);
            Assert.Contains(month, e => e.Event.Type == EventType.CollectionDownloaded && e.Event.Download!.Preset is not null);
        }
    }

    [Fact]
    public async Task Activity_is_uneven_weekends_are_quieter_and_clicks_are_a_few_percent_of_impressions()
    {
        var events = (await Sample.Value).Select(e => e.Event).ToList();
        var perUser = events.Where(e => e.User is not null && e.Type is EventType.Search or EventType.Download or EventType.Upload)
            .GroupBy(e => e.User).Select(g => g.Count()).OrderDescending().ToArray();
        var topTenth = perUser.Take(Math.Max(1, perUser.Length / 10)).Sum();
        Assert.True(topTenth > perUser.Sum() * 0.4, $"the busiest tenth of users made {topTenth} of {perUser.Sum()} actions");

        var byDay = events.GroupBy(e => TimeZoneInfo.ConvertTime(e.Timestamp, Berlin.TimeZone).DayOfWeek).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byDay[DayOfWeek.Sunday] * 2 < byDay[DayOfWeek.Wednesday], $"Sunday {byDay[DayOfWeek.Sunday]}, Wednesday {byDay[DayOfWeek.Wednesday]}");

        var impressions = events.Count(e => e.Type == EventType.AssetImpression);
        var clicks = events.Count(e => e.Type == EventType.AssetClick);
        Assert.InRange(clicks / (double)impressions, 0.01, 0.08);

        var texts = events.Where(e => e.Search?.Kind == SearchKind.Text).GroupBy(e => TextNormalizer.NormalizeText(e.Search!.Text)).Select(g => g.Count()).OrderDescending().ToArray();
        Assert.True(texts[0] > 10 * texts[texts.Length / 2], "search texts follow a steep popularity curve");
    }

    [Fact]
    public async Task Bulk_downloads_share_a_batch_and_sessions_search_before_downloading()
    {
        var events = (await Sample.Value).Select(e => e.Event).DistinctBy(e => e.Id).ToList();
        var batches = events.Where(e => e.Download is { Bulk: true }).GroupBy(e => e.Download!.Batch).ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, b => Assert.True(b.Count() >= 2 && b.Select(e => e.Asset!.Id).Distinct().Count() == b.Count()));
        Assert.Contains(events, e => e.Upload is { Bulk: true, Batch: not null });

        var sessions = events.Where(e => e.Session is not null).GroupBy(e => e.Session!).ToList();
        var searched = sessions.Where(s => s.Any(e => e.Type == EventType.Search)).ToList();
        var succeeded = searched.Count(s => s.Any(e => e.Type == EventType.Download && e.Timestamp > s.Where(x => x.Type == EventType.Search).Min(x => x.Timestamp)));
        Assert.InRange(succeeded / (double)searched.Count, 0.3, 0.8);
    }

    [Fact]
    public async Task Some_events_arrive_weeks_late_and_some_are_exact_duplicates()
    {
        var events = await Sample.Value;
        var duplicates = events.GroupBy(e => e.Event.Id).Where(g => g.Count() > 1).ToList();
        Assert.InRange(duplicates.Count, 30, 600);
        Assert.All(duplicates, g => Assert.Single(g.Select(e => e.Line).Distinct()));

        var latest = events[0].Event.Timestamp;
        var late = 0;
        foreach (var (e, _) in events)
        {
            if (e.Timestamp < latest - TimeSpan.FromDays(7)) late++;
            if (e.Timestamp > latest) latest = e.Timestamp;
        }
        Assert.InRange(late, 20, 3_000);
    }

    [Fact]
    public async Task Events_can_be_read_as_validated_events_without_a_file()
    {
        var generator = new DemoDataGenerator(Berlin, new DemoDataOptions { Events = 3_000, Seed = 7, Now = Now });
        var events = new List<ActivityEvent>();
        await foreach (var e in generator.ReadEventsAsync(new EventJsonReader(new FixedClock(Now)))) events.Add(e);
        var fromFile = (await ReadValid(Generate(new DemoDataOptions { Events = 3_000, Seed = 7, Now = Now }))).Select(e => e.Event);
        Assert.Equal(fromFile.Select(e => (e.Id, e.Type, e.Timestamp, e.User, e.Asset)), events.Select(e => (e.Id, e.Type, e.Timestamp, e.User, e.Asset)));
    }

    [Fact]
    public void Shares_give_every_environment_events_and_add_up_to_the_total()
    {
        var environments = new[] { "a", "b", "c" }.Select(id => new ProductEnvironment(id, id, TimeZoneInfo.Utc)).ToArray();
        var shares = DemoDataGenerator.Share(environments, 1_000_001);
        Assert.Equal(1_000_001, shares.Sum(s => s.Events));
        Assert.True(shares[0].Events > shares[1].Events && shares[1].Events > shares[2].Events && shares[2].Events > 0);
    }

    [Fact]
    public async Task Asset_fields_look_like_a_library()
    {
        var assets = (await Sample.Value).Select(e => e.Event.Asset).OfType<AssetRef>().ToList();
        Assert.All(assets, a => Assert.False(a.Folder!.StartsWith('/')));
        Assert.Contains(assets, a => a.Folder == "marketing/2026/spring");
        Assert.Equal(["image", "raw", "video"], assets.Select(a => a.Type!).Distinct().Order());
        var line = (await Sample.Value).First(e => e.Event.Type == EventType.Download).Line;
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.False, doc.RootElement.GetProperty("download").GetProperty("bulk").ValueKind);
    }
}
