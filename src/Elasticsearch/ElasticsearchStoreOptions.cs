namespace GraphReports.Elasticsearch;

/// <summary>
/// How to reach the cluster and how the store lays out its index, bound from
/// <c>GraphReports:Elasticsearch</c> (docs/elasticsearch.md lists every setting and why).
/// </summary>
public sealed class ElasticsearchStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "GraphReports:Elasticsearch";

    /// <summary>The cluster's URL, e.g. <c>https://localhost:9200</c>.</summary>
    public string Url { get; set; } = "http://localhost:9200";

    /// <summary>An API key (the base64 <c>encoded</c> form Elasticsearch returns); wins over user name and password.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Basic authentication user (e.g. a dedicated <c>graphreports</c> user).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>SHA-256 fingerprint of the cluster's CA certificate (hex, colons allowed), to trust a self-signed cluster.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Prefix of every index, alias and template name; tests use a fresh one each.</summary>
    public string IndexPrefix { get; set; } = "graphreports";

    /// <summary>Primary shards of the events index. Environments are routed, so one environment lives on one shard.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>Replicas of each shard (0 on a single node).</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>At most this many events in one <c>_bulk</c> request.</summary>
    public int MaxBulkEvents { get; set; } = 1_000;

    /// <summary>At most this many bytes of documents in one <c>_bulk</c> request (an event larger than this goes alone).</summary>
    public int MaxBulkBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How many times an item refused with 429 (too many requests) is sent again before the write fails.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First pause before a 429 retry; doubled on each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Request timeout of every call to the cluster.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Make written events searchable before acknowledging (<c>refresh=wait_for</c>): tests and demos; slower.</summary>
    public bool RefreshOnWrite { get; set; }
}
