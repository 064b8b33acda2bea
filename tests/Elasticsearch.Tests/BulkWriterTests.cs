using System.Text.Json.Nodes;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Tests.Support;
using GraphReports.Elasticsearch.Writing;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>The <c>_bulk</c> writer: create actions, per-item outcomes, 429 retries, bounded batches.</summary>
public sealed class BulkWriterTests
{
    private static ActivityEvent Search(string id, string at) => new()
    {
        Id = id, Type = EventType.Search, Timestamp = T(at), User = "alice", Session = "A",
        Search = new SearchDetails(SearchKind.Text, "Red  Car", [new("tag", "car"), new("tag", "car"), new("color", "red")], Results: 3),
    };

    private static ActivityEvent[] Four => [Search("id0", "2026-03-02T09:00:00+01:00"), Search("id1", "2026-03-02T09:01:00+01:00"), Search("id2", "2026-03-02T09:02:00+01:00"), Search("id3", "2026-03-02T09:03:00+01:00")];

    [Fact]
    public async Task Created_is_inserted_409_is_a_duplicate_429_is_retried_and_400_is_reported_for_its_event()
    {
        using var cluster = new FakeCluster().AnswerFixture("bulk-mixed.json").AnswerFixture("bulk-retry-created.json");
        var writer = cluster.Store().Writer;

        var error = await Assert.ThrowsAsync<BulkWriteException>(() => writer.WriteAsync("acme", Four));

        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Duplicate, WriteOutcome.Inserted, null], error.Outcomes);
        var failure = Assert.Single(error.Failures);
        Assert.Equal((3, "id3", 400), (failure.Index, failure.EventId, failure.Status));
        Assert.Contains("document_parsing_exception: [1:201] mapping set to strict", failure.Reason);
        Assert.Contains("#3 (id 'id3') 400", error.Message);
        // The retry sent only the throttled event, once.
        Assert.Equal(2, cluster.Requests.Count);
        var retried = CanonicalJson.Lines(cluster.Requests[1].Body);
        Assert.Equal(2, retried.Count);
        Assert.Equal(EventDocuments.DocumentId("acme", "id2"), retried[0]["create"]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_write_whose_every_item_succeeds_returns_the_outcomes()
    {
        using var cluster = new FakeCluster().AnswerFixture("bulk-retry-created.json");
        var outcomes = await cluster.Store().Writer.WriteAsync("acme", [Four[2]]);
        Assert.Equal([WriteOutcome.Inserted], outcomes);
    }

    [Fact]
    public async Task A_429_is_not_retried_forever()
    {
        using var cluster = new FakeCluster();
        cluster.Respond = _ => (200, FakeCluster.Fixture("bulk-retry-throttled.json"));
        var options = new ElasticsearchStoreOptions { IndexPrefix = "gr", MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(1) };
        var error = await Assert.ThrowsAsync<BulkWriteException>(() => cluster.Store(options).Writer.WriteAsync("acme", [Four[2]]));
        Assert.Equal(4, cluster.Requests.Count); // the first attempt and three retries
        Assert.Contains("still refused (too many requests) after 3 retries", Assert.Single(error.Failures).Reason);
    }

    [Fact]
    public async Task A_second_event_with_an_id_of_the_same_write_is_a_duplicate_without_a_round_trip()
    {
        using var cluster = new FakeCluster().AnswerFixture("bulk-retry-created.json");
        var outcomes = await cluster.Store().Writer.WriteAsync("acme", [Four[2], Four[2] with { User = "zoe" }]);
        Assert.Equal([WriteOutcome.Inserted, WriteOutcome.Duplicate], outcomes);
        Assert.Equal(2, CanonicalJson.Lines(Assert.Single(cluster.Requests).Body).Count);
    }

    [Fact]
    public async Task Batches_are_bounded_by_count_and_by_bytes()
    {
        var events = Enumerable.Range(0, 5).Select(i => Search($"e{i}", "2026-03-02T09:00:00+01:00")).ToArray();
        using var byCount = new FakeCluster();
        byCount.Respond = _ => (200, Created(byCount.Requests.Count, events.Length, 2));
        await byCount.Store(new ElasticsearchStoreOptions { IndexPrefix = "gr", MaxBulkEvents = 2 }).Writer.WriteAsync("acme", events);
        Assert.Equal([4, 4, 2], byCount.Requests.Select(r => CanonicalJson.Lines(r.Body).Count)); // action + document lines

        using var byBytes = new FakeCluster();
        byBytes.Respond = _ => (200, Created(byBytes.Requests.Count, events.Length, 1));
        await byBytes.Store(new ElasticsearchStoreOptions { IndexPrefix = "gr", MaxBulkBytes = 400 }).Writer.WriteAsync("acme", events);
        Assert.Equal(5, byBytes.Requests.Count);
        Assert.All(byBytes.Requests, r => Assert.True(r.Body.Length < 800, $"{r.Body.Length} bytes"));
    }

    /// <summary>A bulk answer creating the items of the <paramref name="request"/>-th request of batches of <paramref name="size"/>.</summary>
    private static string Created(int request, int total, int size)
    {
        var count = Math.Min(size, total - request * size);
        return "{\"took\":1,\"errors\":false,\"items\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"create\":{{\"_index\":\"gr-events-v1\",\"_id\":\"x{i}\",\"status\":201,\"result\":\"created\"}}}}")) + "]}";
    }

    [Fact]
    public async Task The_bulk_request_is_its_golden_file_and_passes_the_strict_OpenAPI_check()
    {
        using var cluster = new FakeCluster();
        cluster.Respond = _ => (200, Created(0, 3, 3));
        await cluster.Store().Writer.WriteAsync(Acme.Id, [AcmeEvents[1], AcmeEvents[3], AcmeEvents[18]]);
        var request = Assert.Single(cluster.Requests);
        Assert.Equal(("POST", "/_bulk"), (request.Method, request.PathAndQuery));
        var lines = CanonicalJson.Lines(request.Body);
        var document = new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = request.PathAndQuery,
            ["items"] = new JsonArray(lines.Chunk(2).Select(p => (JsonNode)new JsonObject { ["action"] = p[0].DeepClone(), ["document"] = p[1].DeepClone() }).ToArray()),
        };
        Golden.AssertMatches("bulk-create.json", CanonicalJson.Write(document));
        var errors = OpenApiChecks.Bulk(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.All(lines.Chunk(2), p => Assert.Equal(["create"], p[0].AsObject().Select(x => x.Key)));
    }
}
