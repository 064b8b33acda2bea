using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Tests.Support;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>
/// docs/events.md: when two events share an id, the first stored wins. The store holds every month of an
/// environment in one index (never split by time) under an <c>_id</c> made of the environment and the
/// event id only, routed by environment: a later event with a known id and a different timestamp
/// targets the very same document, so <c>create</c> refuses it (409) wherever its month falls.
/// </summary>
public sealed class DeduplicationTests
{
    private const string Created = """{"took":1,"errors":false,"items":[{"create":{"_index":"gr-events-v1","_id":"x","status":201,"result":"created"}}]}""";
    private const string Conflict = """{"took":1,"errors":true,"items":[{"create":{"_index":"gr-events-v1","_id":"x","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[x]: version conflict, document already exists (current version [1])"}}}]}""";

    [Fact]
    public async Task A_later_event_with_a_known_id_and_another_months_timestamp_targets_the_same_document_and_is_a_duplicate()
    {
        var first = AcmeEvents.Single(e => e.Id == "m04");
        var later = DuplicateOfM04 with { Timestamp = T("2025-01-15T08:00:00Z") }; // another year, other content
        using var cluster = new FakeCluster().Answer(200, Created).Answer(200, Conflict);
        var writer = cluster.Store().Writer;

        Assert.Equal([WriteOutcome.Inserted], await writer.WriteAsync(Acme.Id, [first]));
        Assert.Equal([WriteOutcome.Duplicate], await writer.WriteAsync(Acme.Id, [later]));

        var actions = cluster.Requests.Select(r => CanonicalJson.Lines(r.Body)[0]["create"]!).ToArray();
        Assert.Equal(actions[0].ToJsonString(), actions[1].ToJsonString());
        Assert.Equal("gr-events-v1", actions[0]["_index"]!.GetValue<string>());
        Assert.Equal("acme", actions[0]["routing"]!.GetValue<string>());
    }

    [Fact]
    public void The_document_id_depends_on_the_environment_and_the_event_id_only()
    {
        Assert.Equal(EventDocuments.DocumentId("acme", "m04"), EventDocuments.DocumentId("acme", "m04"));
        Assert.NotEqual(EventDocuments.DocumentId("acme", "m04"), EventDocuments.DocumentId("other", "m04"));
        // A separator inside an id cannot make two pairs collide.
        Assert.NotEqual(EventDocuments.DocumentId("a:b", "c"), EventDocuments.DocumentId("a", "b:c"));
        Assert.Matches("^[0-9a-f]{64}$", EventDocuments.DocumentId("acme", new string('x', 64)));
    }

    [Fact]
    public void The_index_name_has_no_time_in_it()
    {
        var layout = IndexLayout.From(new ElasticsearchStoreOptions { IndexPrefix = "gr" });
        Assert.Equal(("gr-events-v1", "gr-events"), (layout.EventsIndex, layout.ReadAlias));
        Assert.Throws<ArgumentException>(() => IndexLayout.From(new ElasticsearchStoreOptions { IndexPrefix = "Bad Prefix" }));
    }
}
