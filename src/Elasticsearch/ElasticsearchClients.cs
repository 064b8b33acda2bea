using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace GraphReports.Elasticsearch;

/// <summary>Builds the official client from <see cref="ElasticsearchStoreOptions"/>.</summary>
public static class ElasticsearchClients
{
    /// <param name="options">URL, credentials, CA fingerprint, timeout.</param>
    /// <param name="invoker">The transport's request invoker; null for HTTP (tests pass an in-memory one).</param>
    /// <param name="configure">Further settings (tests turn off compression and keep request bodies).</param>
    public static ElasticsearchClient Create(ElasticsearchStoreOptions options, IRequestInvoker? invoker = null, Action<ElasticsearchClientSettings>? configure = null)
    {
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"GraphReports:Elasticsearch:Url '{options.Url}' is not an absolute http(s) URL.");
        var pool = new SingleNodePool(url);
        var settings = invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker);
        settings.RequestTimeout(options.RequestTimeout);
        if (!string.IsNullOrEmpty(options.ApiKey)) settings.Authentication(new ApiKey(options.ApiKey));
        else if (!string.IsNullOrEmpty(options.Username)) settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        if (!string.IsNullOrEmpty(options.CertificateFingerprint)) settings.CertificateFingerprint(options.CertificateFingerprint);
        configure?.Invoke(settings);
        return new ElasticsearchClient(settings);
    }
}
