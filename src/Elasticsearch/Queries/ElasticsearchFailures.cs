using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Transport.Products.Elasticsearch;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>Turns Elasticsearch's error shapes into messages that say what failed and what to do.</summary>
internal static class ElasticsearchFailures
{
    /// <summary>An error cause as one line: <c>type: reason</c>, with the root cause when it says more.</summary>
    public static string Describe(int status, Elastic.Clients.Elasticsearch.ErrorCause? error)
    {
        if (error is null) return $"Elasticsearch answered {status} without an error body.";
        var text = $"{error.Type}: {error.Reason}";
        var root = error.RootCause?.FirstOrDefault() ?? error.CausedBy;
        if (root is not null && root.Reason != error.Reason) text += $" (caused by {root.Type}: {root.Reason})";
        var hint = (root?.Type ?? error.Type) switch
        {
            "too_many_buckets_exception" => " The query asks for more buckets than the cluster's search.max_buckets allows; narrow the period or the list.",
            "index_not_found_exception" => " The events index or its alias is missing: start the Indexer once against this cluster (it creates them).",
            "script_exception" => " A measure's script failed on the cluster (are scripts allowed? script.allowed_types must include inline).",
            _ => "",
        };
        return $"Elasticsearch refused the search ({status}): {text}.{hint}";
    }

    /// <summary>A message when some shards failed or the search timed out (the figures would be partial), else null.</summary>
    public static string? PartialFailure(MultiSearchItem<object> item)
    {
        if (item.TimedOut) return "Elasticsearch timed out before every shard answered; the figure would be partial.";
        if (item.Shards is { Failed: > 0 } shards)
        {
            var reason = shards.Failures?.FirstOrDefault()?.Reason is { } r ? $": {r.Type}: {r.Reason}" : "";
            return $"{shards.Failed} of {shards.Total} shards failed{reason}; the figure would be partial.";
        }
        return null;
    }

    /// <summary>The exception for a whole request that failed (cluster unreachable, credentials refused, server error).</summary>
    public static ElasticsearchUnavailableException ToException(Elastic.Transport.TransportResponse response, string doing)
    {
        var details = response.ApiCallDetails;
        var error = (response as ElasticsearchResponse)?.ElasticsearchServerError?.Error;
        var said = error is not null ? $"{error.Type}: {error.Reason}"
            : response is Elastic.Transport.StringResponse { Body: { Length: > 0 } body } ? body[..Math.Min(body.Length, 300)] : "no error body";
        var status = details?.HttpStatusCode;
        var message = status switch
        {
            null => $"Could not {doing}: the Elasticsearch cluster at {details?.Uri?.GetLeftPart(UriPartial.Authority) ?? "the configured URL"} is unreachable ({details?.OriginalException?.Message ?? "no answer"}).",
            401 => $"Could not {doing}: Elasticsearch refused the credentials (401). Check GraphReports:Elasticsearch:ApiKey or Username/Password.",
            403 => $"Could not {doing}: the credentials lack a privilege (403): {said}.",
            _ => $"Could not {doing}: Elasticsearch answered {status}: {said}.",
        };
        return new ElasticsearchUnavailableException(message, details?.OriginalException);
    }
}

/// <summary>The cluster could not be used at all; the message says why and what to check.</summary>
public sealed class ElasticsearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
