using System.Text.Json.Nodes;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Queries;
using GraphReports.Elasticsearch.Tests.Support;

namespace GraphReports.Elasticsearch.Tests;

/// <summary>Start-up: version and health checked, the template applied idempotently, clear messages otherwise.</summary>
public sealed class StartupTests
{
    private const string Info = """{"name":"n1","cluster_name":"graphreports","cluster_uuid":"u","version":{"number":"9.2.1","build_flavor":"default","build_type":"docker","build_hash":"h","build_date":"2025-11-01T00:00:00.000Z","build_snapshot":false,"lucene_version":"10.3.1","minimum_wire_compatibility_version":"8.19.0","minimum_index_compatibility_version":"8.0.0"},"tagline":"You Know, for Search"}""";
    private const string Health = """{"cluster_name":"graphreports","status":"yellow","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,"active_primary_shards":1,"active_shards":1,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":1,"unassigned_primary_shards":0,"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":50.0}""";
    private const string NotFound = """{"error":{"root_cause":[{"type":"resource_not_found_exception","reason":"index template matching [gr-events] not found"}],"type":"resource_not_found_exception","reason":"index template matching [gr-events] not found"},"status":404}""";

    private static string Stored(JsonObject body) => new JsonObject { ["index_templates"] = new JsonArray(new JsonObject { ["name"] = "gr-events", ["index_template"] = body }) }.ToJsonString();

    private static JsonObject Ours => IndexTemplate.Body(IndexLayout.From(new ElasticsearchStoreOptions { IndexPrefix = "gr" }));

    /// <summary>Answers by route: info, health, the template (as given), the index's existence (as given), and acknowledgements.</summary>
    private static FakeCluster Cluster(string? template, bool indexExists, string info = Info, int infoStatus = 200)
    {
        var cluster = new FakeCluster();
        cluster.Respond = endpoint => (endpoint.Method.ToString(), endpoint.Uri.AbsolutePath) switch
        {
            ("GET", "/") => (infoStatus, info),
            ("GET", "/_cluster/health") => (200, Health),
            ("GET", "/_index_template/gr-events") => template is null ? (404, NotFound) : (200, template),
            ("HEAD", "/gr-events-v1") => (indexExists ? 200 : 404, ""),
            _ => (200, """{"acknowledged":true,"shards_acknowledged":true,"index":"gr-events-v1"}"""),
        };
        return cluster;
    }

    [Fact]
    public async Task On_a_new_cluster_the_template_and_the_index_are_created()
    {
        using var cluster = Cluster(template: null, indexExists: false);
        var report = await cluster.Store().Startup.EnsureReadyAsync();
        Assert.Equal(["Elasticsearch 9.2.1, cluster 'graphreports'", "cluster health yellow", "index template 'gr-events' v1 applied", "index 'gr-events-v1' created, read alias 'gr-events'"], report);
        Assert.Equal(["GET /", "GET /_cluster/health", "GET /_index_template/gr-events", "PUT /_index_template/gr-events", "HEAD /gr-events-v1", "PUT /gr-events-v1"],
            cluster.Requests.Select(r => $"{r.Method} {r.Path}"));
        var put = JsonNode.Parse(cluster.Requests[3].Body)!;
        Assert.Equal(Ours.ToJsonString(), put.ToJsonString());
        // Shards and replicas are the deployment's, given when the index is created.
        var settings = CanonicalJson.Sort(JsonNode.Parse(cluster.Requests[5].Body))!["settings"]!;
        Assert.Equal((1, 1), (settings["number_of_shards"]!.GetValue<int>(), settings["number_of_replicas"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Run_again_it_changes_nothing()
    {
        using var cluster = Cluster(Stored(Ours), indexExists: true);
        var report = await cluster.Store().Startup.EnsureReadyAsync();
        Assert.Contains("index template 'gr-events' v1 in place", report);
        Assert.DoesNotContain(cluster.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_template_changed_by_hand_stops_the_start_with_what_to_do()
    {
        var edited = Ours;
        edited["_meta"]!["graphreports"]!["digest"] = "0000";
        using var cluster = Cluster(Stored(edited), indexExists: true);
        var error = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => cluster.Store().Startup.EnsureReadyAsync());
        Assert.Contains("differs from this build's", error.Message);
        Assert.Contains("DELETE /_index_template/gr-events", error.Message);
        Assert.DoesNotContain(cluster.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task An_older_template_is_upgraded_and_a_newer_one_refused()
    {
        var older = Ours;
        older["version"] = 0;
        using (var cluster = Cluster(Stored(older), indexExists: true))
            Assert.Contains("index template 'gr-events' upgraded to v1", await cluster.Store().Startup.EnsureReadyAsync());
        var newer = Ours;
        newer["version"] = 2;
        using (var cluster = Cluster(Stored(newer), indexExists: true))
            Assert.Contains("newer than this build's 1", (await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => cluster.Store().Startup.EnsureReadyAsync())).Message);
    }

    [Fact]
    public async Task Refused_credentials_and_another_major_version_are_named()
    {
        using (var cluster = Cluster(null, false, """{"error":{"type":"security_exception","reason":"unable to authenticate user [graphreports]"},"status":401}""", 401))
        {
            var error = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => cluster.Store().Startup.EnsureReadyAsync());
            Assert.Contains("refused the credentials (401)", error.Message);
        }
        using (var cluster = Cluster(null, false, Info.Replace("9.2.1", "8.17.0")))
            Assert.Contains("runs Elasticsearch 8.17.0; GraphReports needs 9.x", (await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => cluster.Store().Startup.EnsureReadyAsync())).Message);
    }
}
