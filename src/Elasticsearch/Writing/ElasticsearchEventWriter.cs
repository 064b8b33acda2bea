using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Storage;
using GraphReports.Elasticsearch.Indexing;
using GraphReports.Elasticsearch.Queries;

namespace GraphReports.Elasticsearch.Writing;

/// <summary>
/// Writes events with <c>_bulk</c> <c>create</c> actions whose <c>_id</c> is derived from (environment,
/// event id) (<see cref="EventDocuments.DocumentId"/>): a 409 means "already stored" and is reported as
/// a duplicate. Items refused with 429 are sent again with exponential back-off, at most
/// <see cref="ElasticsearchStoreOptions.MaxRetries"/> times; any other item error is reported for its
/// event (<see cref="BulkWriteException"/>). <see cref="WriteAsync"/> returns only once Elasticsearch
/// acknowledged every event of the write.
/// </summary>
public sealed class ElasticsearchEventWriter(ElasticsearchClient client, IndexLayout layout, ElasticsearchStoreOptions options, TimeProvider? clock = null) : IEventWriter
{
    /// <summary>Bytes an action line adds to a document (index name, 64-hex id, routing), for the byte bound.</summary>
    private const int ActionLineBytes = 160;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Number of <c>_bulk</c> requests sent (diagnostics and tests).</summary>
    public int BulkRequests => _bulkRequests;
    private int _bulkRequests;

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string environmentId, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentId);
        var outcomes = new WriteOutcome?[events.Count];
        // Within one write the first event of an id wins; later ones are duplicates without a round trip.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<Pending>();
        for (var i = 0; i < events.Count; i++)
        {
            if (!seen.Add(events[i].Id)) { outcomes[i] = WriteOutcome.Duplicate; continue; }
            var document = EventDocuments.From(environmentId, events[i]);
            pending.Add(new Pending(i, document, JsonSerializer.SerializeToUtf8Bytes(document).Length + ActionLineBytes));
        }

        var failures = new List<EventWriteFailure>();
        foreach (var batch in BulkBatches.Split(pending, p => p.Bytes, options.MaxBulkEvents, options.MaxBulkBytes))
            await WriteBatchAsync(environmentId, batch, events, outcomes, failures, cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0) throw new BulkWriteException(failures.OrderBy(f => f.Index).ToArray(), outcomes);
        return outcomes.Select(o => o!.Value).ToArray();
    }

    private async Task WriteBatchAsync(string environmentId, IReadOnlyList<Pending> batch, IReadOnlyList<ActivityEvent> events,
        WriteOutcome?[] outcomes, List<EventWriteFailure> failures, CancellationToken cancellationToken)
    {
        var toSend = batch;
        for (var attempt = 0; ; attempt++)
        {
            var response = await SendAsync(environmentId, toSend, cancellationToken).ConfigureAwait(false);
            var retry = new List<Pending>();
            var items = response.Items.ToArray();
            for (var j = 0; j < toSend.Count; j++)
            {
                var (p, item) = (toSend[j], items[j]);
                switch (item.Status)
                {
                    case 200 or 201: outcomes[p.Index] = WriteOutcome.Inserted; break;
                    case 409: outcomes[p.Index] = WriteOutcome.Duplicate; break;
                    case 429 when attempt < options.MaxRetries: retry.Add(p); break;
                    case 429:
                        failures.Add(new EventWriteFailure(p.Index, events[p.Index].Id, 429, $"still refused (too many requests) after {options.MaxRetries} retries: {Reason(item)}"));
                        break;
                    default:
                        failures.Add(new EventWriteFailure(p.Index, events[p.Index].Id, item.Status, Reason(item)));
                        break;
                }
            }
            if (retry.Count == 0) return;
            toSend = retry;
            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt), _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BulkResponse> SendAsync(string environmentId, IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        var operations = new BulkOperationsCollection();
        foreach (var p in batch)
            operations.Add(new BulkCreateOperation<EventDocument>(p.Document)
            {
                Index = layout.EventsIndex,
                Id = EventDocuments.DocumentId(environmentId, p.Document.EventId),
                Routing = environmentId,
            });
        var request = new BulkRequest { Operations = operations, Refresh = options.RefreshOnWrite ? Refresh.WaitFor : null };
        Interlocked.Increment(ref _bulkRequests);
        var response = await client.BulkAsync(request, cancellationToken).ConfigureAwait(false);
        // A request-level failure acknowledges nothing: the caller's producer keeps the events and retries.
        if (response.Items is not { Count: > 0 } items || items.Count != batch.Count)
            throw ElasticsearchFailures.ToException(response, $"write {batch.Count} events (_bulk)");
        return response;
    }

    private static string Reason(ResponseItem item) =>
        item.Error is { } e ? $"{e.Type}: {e.Reason}" : item.Result ?? "no reason given";

    private sealed record Pending(int Index, EventDocument Document, int Bytes);
}
