namespace GraphReports.Analytics.Reports;

/// <summary>
/// One page of a list in a given order without sorting the whole list: the folder view ranks tens of thousands of
/// assets to show twenty (bench/RESULTS.md, "the folder page picked, not sorted").
/// </summary>
internal static class PageSelection
{
    /// <summary>
    /// The items 0 .. <paramref name="count"/> - 1 at positions [offset, offset + size) of <paramref name="order"/>,
    /// which must be a total order (no two items equal), so that the page is the one a full sort would give.
    /// </summary>
    public static int[] Select(int count, IComparer<int> order, int offset, int size)
    {
        if (offset >= count) return [];
        var end = (int)Math.Min((long)offset + size, count);
        int[] kept;
        if (end * 2L >= count)
            kept = [.. Enumerable.Range(0, count)];
        else
        {
            // The first `end` items in order, in a heap whose top is the last of them: each other item costs one
            // comparison with it, most decided without looking further.
            var heap = new PriorityQueue<int, int>(end + 1, Comparer<int>.Create((a, b) => order.Compare(b, a)));
            for (var i = 0; i < count; i++)
            {
                if (heap.Count < end) heap.Enqueue(i, i);
                else if (order.Compare(i, heap.Peek()) < 0) heap.DequeueEnqueue(i, i);
            }
            kept = [.. heap.UnorderedItems.Select(item => item.Element)];
        }
        Array.Sort(kept, order);
        return kept[offset..end];
    }
}
