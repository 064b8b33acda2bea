using GraphReports.Analytics.Events;

namespace GraphReports.Bench.StoreWrite;

/// <summary>
/// Seeded events shaped like a media library's activity: every type, a few thousand users, long-tail
/// popularity of texts, assets and filters. Only the mix and repetition matter to the store, not realism.
/// </summary>
internal static class SyntheticEvents
{
    public static List<ActivityEvent> Make(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var types = EventTypeNames.All;
        var texts = Enumerable.Range(0, 20_000).Select(i => $"search text {i}").ToArray();
        var events = new List<ActivityEvent>(count);
        int Skewed(int n) => (int)(n * Math.Pow(random.NextDouble(), 3)); // long tail: low indexes are frequent
        for (var i = 0; i < count; i++)
        {
            var type = types[random.Next(types.Count)];
            var user = $"user-{Skewed(5_000)}";
            var assetNumber = Skewed(100_000);
            var asset = new AssetRef($"asset-{assetNumber}", $"Asset {assetNumber}.jpg", $"library/folder-{assetNumber % 300}", "image");
            events.Add(new ActivityEvent
            {
                Id = $"evt-{seed}-{i:D9}",
                Type = type,
                Timestamp = start.AddSeconds(i * 31L % (365L * 86400)),
                User = user,
                Session = $"{user}-session-{i / 5_000}", // a session per user and stretch of time
                Asset = type is EventType.Search or EventType.SessionStarted or EventType.CollectionCreated ? null : asset,
                Collection = type is EventType.CollectionCreated or EventType.CollectionViewed or EventType.CollectionDownloaded
                    ? new CollectionRef($"collection-{Skewed(2_000)}", "Collection") : null,
                Search = type == EventType.Search
                    ? new SearchDetails(SearchKind.Text, texts[Skewed(texts.Length)],
                        i % 3 == 0 ? [new SearchFilter("tag", $"tag-{Skewed(500)}"), new SearchFilter("format", "jpg")] : null, Results: random.Next(0, 200))
                    : null,
                Download = type is EventType.Download or EventType.CollectionDownloaded
                    ? new DownloadDetails(i % 7 == 0, i % 7 == 0 ? $"batch-{i / 50}" : null, i % 4 == 0 ? "web" : null) : null,
                Upload = type == EventType.Upload ? new UploadDetails(false) : null,
                Rating = type == EventType.AssetRated ? 1 + random.Next(5) : null,
                Channel = type == EventType.AssetUsed ? (UsageChannel)(1 + random.Next(4)) : null,
                Page = type is EventType.AssetImpression or EventType.AssetClick ? $"https://shop.example.com/p/{Skewed(5_000)}" : null,
            });
        }
        return events;
    }
}
