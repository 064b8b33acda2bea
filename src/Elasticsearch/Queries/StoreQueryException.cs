namespace GraphReports.Elasticsearch.Queries;

/// <summary>A query the Elasticsearch store cannot answer exactly as asked; its message says why and what to do.</summary>
public sealed class StoreQueryException(string message) : Exception(message);
