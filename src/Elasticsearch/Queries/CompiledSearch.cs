using Elastic.Clients.Elasticsearch.Core.MSearch;
using GraphReports.Analytics.Queries;

namespace GraphReports.Elasticsearch.Queries;

/// <summary>One search of an <c>_msearch</c>: its body, and how its answer becomes the query's result.</summary>
internal sealed record CompiledSearch(MultisearchBody Body, Func<MultiSearchItem<object>, QueryResult> Read);
