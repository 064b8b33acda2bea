using System.Text.Json;
using GraphReports.Analytics.Events;

namespace GraphReports.Sqlite.Tests;

public class RoundTripTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Json(ActivityEvent e) => JsonSerializer.Serialize(e);

    [Fact]
    public async Task Every_field_of_an_event_is_kept_exactly()
    {
        var full = new ActivityEvent
        {
            Id = "evt-full",
            Type = EventType.Search,
            Timestamp = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567),
            User = "u-1",
            Session = "s-1",
            Visitor = "v-1",
            Asset = new AssetRef("a-1", "Logo.png", "brand/logos", "image"),
            Collection = new CollectionRef("c-1", "Press kit"),
            Search = new SearchDetails(SearchKind.VisualImage, "  Red  Car ", [new SearchFilter("tag", "car"), new SearchFilter("tag", "red")],
                "tags:car  AND x", new ReferenceImage("img-7", "Reference.jpg"), 0),
            Download = new DownloadDetails(true, "batch-1", "watermark"),
            Upload = new UploadDetails(false, "up-1"),
            Rating = 5,
            Channel = UsageChannel.WebMobile,
            Page = "https://example.com/p?q=1",
        };
        var minimal = new ActivityEvent
        {
            Id = "evt-min",
            Type = EventType.CollectionViewed,
            Timestamp = new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(9),
            Collection = new CollectionRef("c-2"),
        };
        var store = _temp.Open();
        await store.WriteAsync("acme", [full, minimal]);

        var stored = store.Reader.ReadEvents("acme").ToList();
        Assert.Equal([Json(full), Json(minimal)], stored.Select(Json));
        Assert.Equal(TimeSpan.FromHours(2), stored[0].Timestamp.Offset);
    }

    [Fact]
    public async Task Events_survive_closing_and_reopening_the_store()
    {
        using (var store = SqliteEventStore.Open(_temp.Options))
            await store.WriteAsync("acme", Enumerable.Range(0, 500).Select(i => TempStore.Search($"e{i}")).ToList());

        var reopened = _temp.Open();
        Assert.Equal(500, reopened.Reader.CountEvents("acme"));
        Assert.Equal(500, reopened.Reader.CountEventsByType("acme")[EventType.Search]);
    }

    [Fact]
    public async Task Counts_by_type_cover_only_the_types_stored()
    {
        var store = _temp.Open();
        await store.WriteAsync("acme", [TempStore.Search("s1"), TempStore.Search("s2"), TempStore.Download("d1", bulk: true)]);
        var counts = store.Reader.CountEventsByType("acme");
        Assert.Equal(2, counts.Count);
        Assert.Equal(2, counts[EventType.Search]);
        Assert.Equal(1, counts[EventType.Download]);
        Assert.Empty(store.Reader.CountEventsByType("nobody"));
        Assert.Equal(0, store.Reader.CountEvents("nobody"));
    }
}
