using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Elasticsearch.Indexing;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>
/// Top lists: a <c>terms</c> aggregation on the dimension's keyword, ordered by the measure descending
/// then <c>_key</c> ascending (the project's tie-break). Environments are routed to one shard, so the
/// counts and the cut are exact. Names come from the most recent event of the bucket that carries one.
/// </summary>
internal static class TopCompiler
{
    public const string Groups = "groups", Named = "named", Latest = "latest", ByType = "by_type";

    /// <summary>Groups read when a top list has no limit (the folder view); more fail the query rather than cut it silently.</summary>
    public const int AllGroupsLimit = 10_000;

    public static CompiledSearch Compile(ReportQuery query, TopShape top)
    {
        var measure = query.Measure;
        var sub = MeasureAggregation.SubAggregations(measure) ?? [];
        if (Fields.NameOf(top.Dimension) is { } nameField)
            sub[Named] = new Aggregation
            {
                Filter = new ExistsQuery { Field = nameField },
                Aggregations = new Dictionary<string, Aggregation>
                {
                    [Latest] = new TopHitsAggregation
                    {
                        Size = 1,
                        Sort = [new SortOptions { Field = new FieldSort { Field = Fields.Timestamp, Order = SortOrder.Desc } }],
                        Source = new SourceConfig(new SourceFilter { Includes = new[] { nameField } }),
                    },
                },
            };
        var breakdown = top.BreakDownByType ? (query.Filter.Types ?? EventTypeNames.All).Distinct().Order().ToArray() : [];
        if (top.BreakDownByType)
            sub[ByType] = new Aggregation
            {
                Terms = new TermsAggregation { Field = Fields.Type, Size = breakdown.Length },
                Aggregations = MeasureAggregation.SubAggregations(measure),
            };
        var orderBy = measure.Kind == MeasureKind.Events ? "_count" : MeasureAggregation.Name;
        var body = SearchBody.Of(query.Filter, new Dictionary<string, Aggregation>
        {
            [Groups] = new Aggregation
            {
                Terms = new TermsAggregation
                {
                    Field = Fields.Of(top.Dimension),
                    Size = top.Limit ?? AllGroupsLimit,
                    Order = [new KeyValuePair<Field, SortOrder>(orderBy, SortOrder.Desc), new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
                },
                Aggregations = sub.Count == 0 ? null : sub,
            },
        });
        return new CompiledSearch(body, item => Read(item, query, top, breakdown));
    }

    private static TopResult Read(MultiSearchItem<object> item, ReportQuery query, TopShape top, EventType[] breakdown)
    {
        var terms = item.Aggregations?.GetStringTerms(Groups) ?? throw new InvalidDataException($"The Elasticsearch answer has no terms aggregation '{Groups}'.");
        if (top.Limit is null && terms.SumOtherDocCount > 0)
            throw new StoreQueryException($"More than {AllGroupsLimit:N0} groups by {top.Dimension}: the list is too long to answer whole; narrow the filter or the period.");
        var approximate = false;
        var entries = new List<TopEntry>();
        foreach (var bucket in terms.Buckets)
        {
            var (value, approx) = MeasureAggregation.Read(query.Measure, bucket.DocCount, bucket.Aggregations);
            approximate |= approx;
            if (value == 0) continue;
            var key = bucket.Key.ToString() ?? "";
            string? second = null;
            if (top.Dimension == Dimension.FilterPair)
            {
                var at = key.IndexOf(EventDocuments.PairSeparator);
                (key, second) = at < 0 ? (key, "") : (key[..at], key[(at + 1)..]);
            }
            entries.Add(new TopEntry(key, second, NameOf(bucket, top.Dimension), value)
            {
                ByType = top.BreakDownByType ? Breakdown(bucket, query.Measure, breakdown, ref approximate) : null,
            });
        }
        // Elasticsearch orders keys by UTF-8 bytes; the project's tie-break is ordinal (UTF-16) order. They agree
        // except between astral and U+E000..U+FFFF characters; re-sorting keeps the listed entries in the project's order.
        var ordered = entries.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.SecondKey, StringComparer.Ordinal).ToArray();
        return new TopResult(ordered) { Approximate = approximate };
    }

    private static Dictionary<EventType, long> Breakdown(StringTermsBucket bucket, Measure measure, EventType[] types, ref bool approximate)
    {
        var byType = types.ToDictionary(t => t, _ => 0L);
        var terms = bucket.Aggregations?.GetStringTerms(ByType) ?? throw new InvalidDataException($"The Elasticsearch answer has no terms aggregation '{ByType}'.");
        foreach (var b in terms.Buckets)
        {
            if (!EventTypeNames.TryParse(b.Key.ToString(), out var type) || !byType.ContainsKey(type)) continue;
            var (value, approx) = MeasureAggregation.Read(measure, b.DocCount, b.Aggregations);
            approximate |= approx;
            byType[type] = value;
        }
        return byType;
    }

    private static string? NameOf(StringTermsBucket bucket, Dimension dimension)
    {
        if (Fields.NameOf(dimension) is not { } path) return null;
        var hit = bucket.Aggregations?.GetFilter(Named)?.Aggregations?.GetTopHits(Latest)?.Hits.Hits.FirstOrDefault();
        if (hit?.Source is not { } source) return null;
        var element = source is JsonElement json ? json : JsonSerializer.SerializeToElement(source);
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
