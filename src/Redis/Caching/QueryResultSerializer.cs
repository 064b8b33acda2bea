using GraphReports.Analytics.Events;
using GraphReports.Analytics.Queries;

namespace GraphReports.Redis.Caching;

/// <summary>
/// The bytes a cached answer is stored as in Redis: a small versioned binary form of a
/// <see cref="QueryResult"/> that reads back equal to what was written (every field, the approximate flag,
/// histogram offsets). Anything it cannot read is treated as a miss, never as an answer.
/// </summary>
public static class QueryResultSerializer
{
    private const byte Version = 1;
    private const byte Total = 1, Top = 2, Histogram = 3;

    public static byte[] Serialize(QueryResult result)
    {
        using var stream = new MemoryStream(64);
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            switch (result)
            {
                case TotalResult t:
                    w.Write(Total);
                    w.Write(t.Approximate);
                    w.Write(t.Value);
                    break;
                case TopResult top:
                    w.Write(Top);
                    w.Write(top.Approximate);
                    w.Write(top.Entries.Count);
                    foreach (var e in top.Entries)
                    {
                        w.Write(e.Key);
                        WriteNullable(w, e.SecondKey);
                        WriteNullable(w, e.Name);
                        w.Write(e.Value);
                        w.Write(e.ByType?.Count ?? -1);
                        foreach (var (type, value) in e.ByType ?? new Dictionary<EventType, long>())
                        {
                            w.Write((byte)type);
                            w.Write(value);
                        }
                    }
                    break;
                case HistogramResult h:
                    w.Write(Histogram);
                    w.Write(h.Approximate);
                    w.Write(h.Buckets.Count);
                    foreach (var b in h.Buckets)
                    {
                        w.Write(b.Start.UtcTicks);
                        w.Write((short)b.Start.Offset.TotalMinutes);
                        w.Write(b.Value);
                    }
                    break;
                default:
                    throw new ArgumentException($"No cached form for {result.GetType().Name}.", nameof(result));
            }
        }
        return stream.ToArray();
    }

    /// <summary>The answer written by <see cref="Serialize"/>; null for bytes of another version or damaged ones.</summary>
    public static QueryResult? TryDeserialize(byte[] bytes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (r.ReadByte() != Version) return null;
            var kind = r.ReadByte();
            var approximate = r.ReadBoolean();
            QueryResult result = kind switch
            {
                Total => new TotalResult(r.ReadInt64()),
                Top => new TopResult(ReadEntries(r)),
                Histogram => new HistogramResult(ReadBuckets(r)),
                _ => throw new InvalidDataException($"unknown kind {kind}"),
            };
            if (r.BaseStream.Position != bytes.Length) return null;
            return result with { Approximate = approximate };
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or IOException)
        {
            return null;
        }
    }

    private static TopEntry[] ReadEntries(BinaryReader r)
    {
        var entries = new TopEntry[r.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            var key = r.ReadString();
            var second = ReadNullable(r);
            var name = ReadNullable(r);
            var value = r.ReadInt64();
            var types = r.ReadInt32();
            Dictionary<EventType, long>? byType = null;
            if (types >= 0)
            {
                byType = new Dictionary<EventType, long>(types);
                for (var t = 0; t < types; t++) byType[(EventType)r.ReadByte()] = r.ReadInt64();
            }
            entries[i] = new TopEntry(key, second, name, value) { ByType = byType };
        }
        return entries;
    }

    private static HistogramBucket[] ReadBuckets(BinaryReader r)
    {
        var buckets = new HistogramBucket[r.ReadInt32()];
        for (var i = 0; i < buckets.Length; i++)
        {
            var ticks = r.ReadInt64();
            var offset = TimeSpan.FromMinutes(r.ReadInt16());
            buckets[i] = new HistogramBucket(new DateTimeOffset(ticks + offset.Ticks, offset), r.ReadInt64());
        }
        return buckets;
    }

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
