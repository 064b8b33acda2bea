using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;
using GraphReports.Analytics.Time;

namespace GraphReports.Sqlite.Recent;

/// <summary>
/// Answers report queries from a <see cref="RecentSnapshot"/> by one pass over the rows of the filter's types, with
/// the meaning of the store's SQL (docs/reports.md): exact counts, top lists ordered by measure then key, names looked
/// up for the listed keys only, every histogram bucket present. In three steps, so that the passes of a batch's
/// queries can run on every core while its one SQLite connection serves the lookups before and after them:
/// <see cref="Prepare"/> and the returned finish step use the connection, <see cref="Compute"/> does not.
/// </summary>
internal static class RecentEvaluator
{
    /// <summary>The filter, its strings turned into ids (reads the batch's connection).</summary>
    public static RecentFilter Prepare(ReportQuery query, RecentSnapshot snapshot, RecentReadContext context) =>
        new(query.Filter, context, snapshot.VisibleThrough);

    /// <summary>The pass over the rows (no SQL; any thread); returns the rest of the answer, to run on the batch's connection.</summary>
    public static Func<RecentReadContext, QueryResult> Compute(ReportQuery query, RecentFilter filter, RecentSnapshot snapshot)
    {
        var scratch = IdScratch.Rent();
        try
        {
            QueryResult? done = query.Shape switch
            {
                TotalShape when query.Measure.Kind == MeasureKind.SessionsConverted => new TotalResult(Converted(query.Measure, filter, snapshot)),
                TotalShape when RecentGroups.DistinctKeyOf(query.Measure) is { } key => new TotalResult(DistinctTotal(key, filter, snapshot, scratch)),
                TotalShape => new TotalResult(Group(query, filter, snapshot, (_, _, _) => 0L, breakdown: [], scratch).ValueOfKey(0)),
                HistogramShape histogram => Histogram(query, histogram, filter, snapshot, scratch),
                TopShape => null,
                _ => throw new NotSupportedException($"Shape {query.Shape.ToKey()} is not supported."),
            };
            if (done is not null) return _ => done;
            var top = (TopShape)query.Shape;
            var (groups, ranked, breakdown) = Rank(query, top, filter, snapshot, scratch);
            return context => Listed(top, groups, ranked, breakdown, snapshot, context);
        }
        finally
        {
            scratch.Return();
        }
    }

    /// <summary>Every selected row's group key (0 = the row is in no group); filter pairs are grouped separately.</summary>
    private delegate long GroupOf(RecentColumnsView v, int i, EventType type);

    private static RecentGroups Group(ReportQuery query, RecentFilter filter, RecentSnapshot snapshot, GroupOf groupOf, EventType[] breakdown, IdScratch scratch, bool byPair = false)
    {
        var groups = new RecentGroups(query.Measure, breakdown, scratch);
        filter.ForEachSelected(snapshot, (v, i, type) =>
        {
            if (!byPair)
            {
                groups.Add(groupOf(v, i, type), v, i, type);
                return;
            }
            for (var p = v.PairStart[i]; p < v.PairStart[i + 1]; p++) groups.Add(v.Pairs[p], v, i, type);
        });
        return groups;
    }

    /// <summary>The groups of a top list, and the slots of those that can make the list.</summary>
    private static (RecentGroups Groups, int[] Ranked, EventType[] Breakdown) Rank(ReportQuery query, TopShape top, RecentFilter filter, RecentSnapshot snapshot, IdScratch scratch)
    {
        EventType[] breakdown = top.BreakDownByType ? [.. filter.Types] : [];
        var groups = top.Dimension == Dimension.FilterPair
            ? Group(query, filter, snapshot, (_, _, _) => 0L, breakdown, scratch, byPair: true)
            : Group(query, filter, snapshot, KeyOf(top.Dimension), breakdown, scratch);
        // Only the groups that can make the list need their strings: those at least as large as the limit-th value,
        // found with a heap of the limit largest values instead of sorting every group.
        var listable = Enumerable.Range(0, groups.Count).Where(s => groups.Key(s) != 0 && groups.Value(s) > 0);
        if (top.Limit is { } limit)
        {
            var largest = new PriorityQueue<int, long>(limit + 1);
            foreach (var slot in listable)
            {
                largest.Enqueue(slot, groups.Value(slot));
                if (largest.Count > limit) largest.Dequeue();
            }
            if (largest.Count == limit && largest.TryPeek(out _, out var boundary))
                listable = listable.Where(s => groups.Value(s) >= boundary);
        }
        return (groups, listable.ToArray(), breakdown);
    }

    /// <summary>The list: ties broken by the keys' strings, cut, named.</summary>
    private static TopResult Listed(TopShape top, RecentGroups groups, int[] ranked, EventType[] breakdown, RecentSnapshot snapshot, RecentReadContext context)
    {
        var texts = context.Texts;
        foreach (var slot in ranked) WantTexts(top.Dimension, groups.Key(slot), texts);
        texts.Load(context);
        var keys = ranked.Select(slot => KeyText(top.Dimension, groups.Key(slot), texts)).ToArray();
        var order = top.AnyOrder ? [.. Enumerable.Range(0, ranked.Length)] : RankOrder(ranked.Select(slot => groups.Value(slot)).ToArray(), keys, top.Limit ?? ranked.Length);
        var listed = order.Take(top.Limit ?? order.Length).Select(i => (Slot: ranked[i], keys[i].Key, keys[i].Key2)).ToArray();
        var names = RecentNames.Of(context, snapshot, top.Dimension, listed.Select(e => ((int)groups.Key(e.Slot), e.Key)).ToArray());
        return new TopResult(listed.Select((e, i) => new TopEntry(e.Key, top.Dimension == Dimension.FilterPair ? e.Key2 : null, names[i], groups.Value(e.Slot))
        {
            ByType = top.BreakDownByType ? groups.ByType(e.Slot, breakdown) : null,
        }).ToArray());
    }

    /// <summary>
    /// Positions by value descending, ties by the keys' strings: the values sorted as numbers first, then each run of
    /// equal values by string (a folder lists tens of thousands of assets with small counts, so most compare equal),
    /// runs past the first <paramref name="wanted"/> positions left unsorted.
    /// </summary>
    private static int[] RankOrder(long[] values, (string Key, string Key2)[] keys, int wanted)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var descending = values.Select(v => -v).ToArray();
        Array.Sort(descending, order);
        var byKeys = Comparer<int>.Create((a, b) =>
            string.CompareOrdinal(keys[a].Key, keys[b].Key) is var byKey && byKey != 0 ? byKey : string.CompareOrdinal(keys[a].Key2, keys[b].Key2));
        for (var start = 0; start < order.Length && start < wanted;)
        {
            var end = start + 1;
            while (end < order.Length && descending[end] == descending[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start, byKeys);
            start = end;
        }
        return order;
    }

    private static GroupOf KeyOf(Dimension dimension) => dimension switch
    {
        Dimension.User => (v, i, _) => v.User[i],
        Dimension.Asset => (v, i, _) => v.Asset[i],
        Dimension.Collection => (v, i, _) => v.Collection[i],
        Dimension.SearchText => (v, i, _) => v.TextKey[i],
        Dimension.Expression => (v, i, _) => v.ExpressionKey[i],
        Dimension.ReferenceImage => (v, i, _) => v.Reference[i],
        Dimension.Session => (v, i, _) => v.Session[i],
        Dimension.Channel => (v, i, _) => v.Channel[i],
        Dimension.EventType => (_, _, type) => (int)type,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>Asks for the interned strings of a group's key.</summary>
    private static void WantTexts(Dimension dimension, long key, RecentTexts texts)
    {
        if (dimension is Dimension.Channel or Dimension.EventType) return;
        if (dimension == Dimension.FilterPair) texts.Want((int)(key >> 32));
        texts.Want((int)key);
    }

    /// <summary>The strings of a group's key (the second is "" except for filter pairs), once <see cref="WantTexts"/> was loaded.</summary>
    private static (string Key, string Key2) KeyText(Dimension dimension, long key, RecentTexts texts) => dimension switch
    {
        Dimension.Channel => (((UsageChannel)key).ToWire(), ""),
        Dimension.EventType => (((EventType)key).ToWire(), ""),
        Dimension.FilterPair => (texts.Text((int)(key >> 32)), texts.Text((int)key)),
        _ => (texts.Text((int)key), ""),
    };

    /// <summary>A distinct count over every selected row: each id marked once in an array indexed by id.</summary>
    private static long DistinctTotal(Func<RecentColumnsView, int, int> keyOf, RecentFilter filter, RecentSnapshot snapshot, IdScratch scratch)
    {
        var stamp = scratch.BeginMarks();
        long count = 0;
        filter.ForEachSelected(snapshot, (v, i, _) =>
        {
            var id = keyOf(v, i);
            if (id != 0 && scratch.Mark(id, stamp)) count++;
        });
        return count;
    }

    private static HistogramResult Histogram(ReportQuery query, HistogramShape histogram, RecentFilter filter, RecentSnapshot snapshot, IdScratch scratch)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(histogram.Zone);
        var buckets = TimeBuckets.Cover(query.Filter.Period.ToTimePeriod(), histogram.Interval, zone);
        var starts = buckets.Select(b => b.Period.Start.UtcTicks).ToArray();
        // Buckets are consecutive local days, weeks or months: an event's is the last that starts at or before it.
        var groups = Group(query, filter, snapshot, (v, i, _) =>
        {
            var at = Array.BinarySearch(starts, v.Ticks[i]);
            return at >= 0 ? at : ~at - 1;
        }, breakdown: [], scratch);
        var byBucket = new long[buckets.Count];
        for (var s = 0; s < groups.Count; s++) byBucket[(int)groups.Key(s)] = groups.Value(s);
        return new HistogramResult(buckets.Select((b, i) => new HistogramBucket(b.Period.Start, byBucket[i])).ToArray());
    }

    /// <summary>Sessions whose last <c>Then</c> event is strictly after their first <c>First</c> event.</summary>
    private static long Converted(Measure measure, RecentFilter filter, RecentSnapshot snapshot)
    {
        var sessions = new Dictionary<int, (long First, long Then)>();
        filter.ForEachSelected(snapshot, (v, i, type) =>
        {
            if (v.Session[i] == 0 || (type != measure.First && type != measure.Then)) return;
            var (first, then) = sessions.GetValueOrDefault(v.Session[i], (long.MaxValue, long.MinValue));
            if (type == measure.First) first = Math.Min(first, v.Ticks[i]);
            if (type == measure.Then) then = Math.Max(then, v.Ticks[i]);
            sessions[v.Session[i]] = (first, then);
        });
        return sessions.Values.Count(s => s.First != long.MaxValue && s.Then != long.MinValue && s.Then > s.First);
    }
}
