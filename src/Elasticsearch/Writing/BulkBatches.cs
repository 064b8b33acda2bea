namespace GraphReports.Elasticsearch.Writing;

/// <summary>Splits items into <c>_bulk</c> requests bounded by count and by bytes (an item larger than the byte bound goes alone).</summary>
internal static class BulkBatches
{
    public static IEnumerable<IReadOnlyList<T>> Split<T>(IEnumerable<T> items, Func<T, int> bytesOf, int maxCount, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var batch = new List<T>();
        long bytes = 0;
        foreach (var item in items)
        {
            var size = bytesOf(item);
            if (batch.Count > 0 && (batch.Count == maxCount || bytes + size > maxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(item);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }
}
