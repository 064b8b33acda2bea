using System.Text.Json.Nodes;
using GraphReports.Analytics.Events;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Tests.Support;
using static GraphReports.Reports.Contract.HandMadeDataset;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>The index template: valid for <c>PUT /_index_template</c>, strict, and covering every field a document carries.</summary>
public sealed class IndexTemplateTests
{
    private static readonly IndexLayout Layout = IndexLayout.From(new ElasticsearchStoreOptions { IndexPrefix = "gr" });
    private static JsonObject Body => IndexTemplate.Body(Layout);

    [Fact]
    public void The_template_passes_the_strict_OpenAPI_check_and_is_its_golden_file()
    {
        var errors = OpenApiChecks.IndexTemplate(Body);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Golden.AssertMatches("index-template.json", CanonicalJson.Write(Body));
    }

    [Fact]
    public void Mappings_are_strict_routed_versioned_and_aliased()
    {
        var body = Body;
        Assert.Equal(IndexLayout.TemplateVersion, body["version"]!.GetValue<int>());
        Assert.Equal(["gr-events-v*"], body["index_patterns"]!.AsArray().Select(p => p!.GetValue<string>()));
        var mappings = body["template"]!["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        Assert.True(mappings["_routing"]!["required"]!.GetValue<bool>());
        Assert.NotNull(body["template"]!["aliases"]!["gr-events"]);
        Assert.Equal("date", mappings["properties"]!["timestamp"]!["type"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", body["_meta"]!["graphreports"]!["digest"]!.GetValue<string>());
    }

    [Fact]
    public void Every_field_of_every_hand_made_event_is_mapped_and_every_grouped_field_is_a_keyword()
    {
        var properties = Body["template"]!["mappings"]!["properties"]!.AsObject();
        foreach (var e in AcmeEvents.Concat(OtherEvents))
        {
            var document = System.Text.Json.JsonSerializer.SerializeToNode(EventDocuments.From("acme", e))!.AsObject();
            AssertMapped(document, properties, e.Id);
        }
        foreach (var field in new[] { "environment", "type", "user", "session", "channel" })
            Assert.Equal("keyword", properties[field]!["type"]!.GetValue<string>());
        Assert.Equal("keyword", properties["asset"]!["properties"]!["folders"]!["type"]!.GetValue<string>());
        Assert.Equal("keyword", properties["search"]!["properties"]!["filter_pairs"]!["type"]!.GetValue<string>());
    }

    private static void AssertMapped(JsonObject document, JsonObject properties, string id)
    {
        foreach (var (key, value) in document)
        {
            var mapping = properties[key] ?? throw new Xunit.Sdk.XunitException($"event {id}: '{key}' is not mapped (dynamic: strict would refuse it)");
            var inner = value is JsonArray array ? array.FirstOrDefault() : value;
            if (inner is JsonObject child) AssertMapped(child, mapping["properties"]!.AsObject(), id);
        }
    }

    [Fact]
    public void Folder_ancestors_serve_this_folder_and_its_subfolders_only()
    {
        Assert.Equal(["photos", "photos/2026", "photos/2026/june"], EventDocuments.Ancestors("photos/2026/june"));
        Assert.Equal(["photosx"], EventDocuments.Ancestors("photosx")); // a term "photos" does not match it
        Assert.Null(EventDocuments.Ancestors(null));
        var doc = EventDocuments.From("acme", new ActivityEvent { Id = "x", Type = EventType.AssetClick, Timestamp = T("2026-03-01T10:00:00.1234567+01:00"), Asset = new AssetRef("a") });
        Assert.Equal("2026-03-01T09:00:00.1234567Z", doc.Timestamp);
        Assert.Equal(60, doc.OffsetMinutes);
    }
}
