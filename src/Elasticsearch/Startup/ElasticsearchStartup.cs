using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Queries;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace GraphReports.Elasticsearch.Startup;

/// <summary>
/// What the hosts run before serving: the cluster answers and is Elasticsearch 9, its health is not
/// red, the versioned index template is in place (applied when missing or older; a template of the
/// same version that differs, or a newer one, stops the start with a message), and the events index
/// exists. Safe to run any number of times, from several hosts at once.
/// </summary>
public sealed class ElasticsearchStartup(ElasticsearchClient client, IndexLayout layout, ElasticsearchStoreOptions options)
{
    /// <summary>The major version this build's requests are written for.</summary>
    public const int SupportedMajorVersion = 9;

    /// <summary>Runs every check; returns what it found and did, one line each; throws <see cref="ElasticsearchUnavailableException"/> with the reason otherwise.</summary>
    public async Task<IReadOnlyList<string>> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        var report = new List<string>();
        var info = await client.InfoAsync(cancellationToken).ConfigureAwait(false);
        if (!info.IsValidResponse) throw ElasticsearchFailures.ToException(info, "reach the cluster");
        var version = info.Version?.Number ?? "unknown";
        if (!int.TryParse(version.Split('.')[0], out var major) || major != SupportedMajorVersion)
            throw new ElasticsearchUnavailableException($"The cluster at {options.Url} runs Elasticsearch {version}; GraphReports needs {SupportedMajorVersion}.x.");
        report.Add($"Elasticsearch {version}, cluster '{info.ClusterName}'");

        var health = await client.Cluster.HealthAsync(cancellationToken).ConfigureAwait(false);
        if (!health.IsValidResponse) throw ElasticsearchFailures.ToException(health, "read the cluster health");
        if (health.Status == Elastic.Clients.Elasticsearch.HealthStatus.Red)
            throw new ElasticsearchUnavailableException($"The cluster '{health.ClusterName}' is red ({health.UnassignedPrimaryShards} primary shards unassigned): reports would be incomplete.");
        report.Add($"cluster health {health.Status.ToString().ToLowerInvariant()}");

        report.Add(await EnsureTemplateAsync(cancellationToken).ConfigureAwait(false));
        report.Add(await EnsureIndexAsync(cancellationToken).ConfigureAwait(false));
        return report;
    }

    /// <summary>Applies the template when missing or older; refuses one that differs at the same version or is newer.</summary>
    internal async Task<string> EnsureTemplateAsync(CancellationToken cancellationToken)
    {
        var ours = IndexTemplate.Body(layout);
        var path = $"/_index_template/{Uri.EscapeDataString(layout.TemplateName)}";
        var existing = await client.Transport.RequestAsync<StringResponse>(new EndpointPath(HttpMethod.GET, path), null, cancellationToken).ConfigureAwait(false);
        var status = existing.ApiCallDetails.HttpStatusCode;
        if (status == 200)
        {
            var stored = JsonNode.Parse(existing.Body)?["index_templates"]?.AsArray().FirstOrDefault()?["index_template"];
            var storedVersion = stored?["version"]?.GetValue<int>() ?? 0;
            var storedDigest = stored?["_meta"]?["graphreports"]?["digest"]?.GetValue<string>();
            if (storedVersion > IndexLayout.TemplateVersion)
                throw new ElasticsearchUnavailableException($"The index template '{layout.TemplateName}' has version {storedVersion}, newer than this build's {IndexLayout.TemplateVersion}: upgrade GraphReports, or use another IndexPrefix.");
            if (storedVersion == IndexLayout.TemplateVersion)
            {
                if (storedDigest == ours["_meta"]!["graphreports"]!["digest"]!.GetValue<string>()) return $"index template '{layout.TemplateName}' v{storedVersion} in place";
                throw new ElasticsearchUnavailableException($"The index template '{layout.TemplateName}' v{storedVersion} differs from this build's (digest {storedDigest ?? "missing"}): it was changed by hand. Delete it (DELETE /_index_template/{layout.TemplateName}) to let GraphReports apply its own, or use another IndexPrefix.");
            }
        }
        else if (status != 404) throw ElasticsearchFailures.ToException(existing, $"read the index template '{layout.TemplateName}'");

        var put = await client.Transport.RequestAsync<StringResponse>(new EndpointPath(HttpMethod.PUT, path), PostData.String(ours.ToJsonString()), cancellationToken).ConfigureAwait(false);
        if (!put.ApiCallDetails.HasSuccessfulStatusCode) throw ElasticsearchFailures.ToException(put, $"apply the index template '{layout.TemplateName}'");
        return status == 404 ? $"index template '{layout.TemplateName}' v{IndexLayout.TemplateVersion} applied" : $"index template '{layout.TemplateName}' upgraded to v{IndexLayout.TemplateVersion}";
    }

    /// <summary>Creates the events index (the template gives it mappings and the read alias) unless it exists.</summary>
    internal async Task<string> EnsureIndexAsync(CancellationToken cancellationToken)
    {
        var exists = await client.Indices.ExistsAsync(layout.EventsIndex, cancellationToken).ConfigureAwait(false);
        if (exists.Exists) return $"index '{layout.EventsIndex}' in place";
        var created = await client.Indices.CreateAsync(new Elastic.Clients.Elasticsearch.IndexManagement.CreateIndexRequest(layout.EventsIndex)
        {
            Settings = new Elastic.Clients.Elasticsearch.IndexManagement.IndexSettings { NumberOfShards = options.Shards, NumberOfReplicas = options.Replicas },
        }, cancellationToken).ConfigureAwait(false);
        if (created.IsValidResponse) return $"index '{layout.EventsIndex}' created, read alias '{layout.ReadAlias}'";
        // Another host created it between the two calls.
        if (created.ElasticsearchServerError?.Error?.Type == "resource_already_exists_exception") return $"index '{layout.EventsIndex}' in place";
        throw ElasticsearchFailures.ToException(created, $"create the index '{layout.EventsIndex}'");
    }
}
