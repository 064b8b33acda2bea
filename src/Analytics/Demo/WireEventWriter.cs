using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Demo;

/// <summary>
/// One event's fields before it is written; reused from event to event so that generation
/// allocates almost nothing per event.
/// </summary>
internal sealed class WireEvent
{
    public EventType Type;
    public DateTimeOffset Timestamp;
    public string? User, Session, Page, Visitor;
    public AssetRef? Asset;
    public CollectionRef? Collection;
    public SearchKind SearchKind;
    public string? SearchText, Expression;
    public readonly List<SearchFilter> Filters = [];
    public ReferenceImage? Reference;
    public int? Results;
    public bool HasDownload, HasUpload, Bulk;
    public string? Batch, Preset;
    public int? Rating;
    public UsageChannel? Channel;

    public void Reset(EventType type, DateTimeOffset timestamp)
    {
        Type = type; Timestamp = timestamp;
        User = Session = Page = Visitor = SearchText = Expression = Batch = Preset = null;
        Asset = null; Collection = null; Reference = null; Results = null; Rating = null; Channel = null;
        Filters.Clear();
        HasDownload = HasUpload = Bulk = false;
    }
}

/// <summary>
/// Writes events as NDJSON in the wire format of REPORTS.md §1 with a <see cref="Utf8JsonWriter"/>
/// over a pooled buffer that is handed to the stream in large blocks.
/// </summary>
internal sealed class WireEventWriter : IDisposable
{
    private const int FlushThreshold = 256 * 1024;
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold + 16 * 1024);
    private readonly Utf8JsonWriter _json;

    public WireEventWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    private int _lastStart;

    /// <summary>Writes one event; returns a copy of its line when <paramref name="keepCopy"/> (to repeat it later as a duplicate).</summary>
    public byte[]? Write(string id, WireEvent e, bool keepCopy = false)
    {
        _lastStart = _buffer.WrittenCount;
        var j = _json;
        j.WriteStartObject();
        j.WriteString("id"u8, id);
        j.WriteString("type"u8, e.Type.ToWire());
        Span<byte> stamp = stackalloc byte[32];
        e.Timestamp.UtcDateTime.TryFormat(stamp, out var n, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
        j.WriteString("timestamp"u8, stamp[..n]);
        if (e.User is not null) j.WriteString("user"u8, e.User);
        if (e.Session is not null) j.WriteString("session"u8, e.Session);
        if (e.Asset is { } asset)
        {
            j.WriteStartObject("asset"u8);
            j.WriteString("id"u8, asset.Id);
            if (asset.Name is not null) j.WriteString("name"u8, asset.Name);
            if (asset.Folder is not null) j.WriteString("folder"u8, asset.Folder);
            if (asset.Type is not null) j.WriteString("type"u8, asset.Type);
            j.WriteEndObject();
        }
        if (e.Collection is { } collection)
        {
            j.WriteStartObject("collection"u8);
            j.WriteString("id"u8, collection.Id);
            if (collection.Name is not null) j.WriteString("name"u8, collection.Name);
            j.WriteEndObject();
        }
        if (e.Type == EventType.Search) WriteSearch(e);
        if (e.HasDownload)
        {
            j.WriteStartObject("download"u8);
            j.WriteBoolean("bulk"u8, e.Bulk);
            if (e.Batch is not null) j.WriteString("batch"u8, e.Batch);
            if (e.Preset is not null) j.WriteString("preset"u8, e.Preset);
            j.WriteEndObject();
        }
        if (e.HasUpload)
        {
            j.WriteStartObject("upload"u8);
            j.WriteBoolean("bulk"u8, e.Bulk);
            if (e.Batch is not null) j.WriteString("batch"u8, e.Batch);
            j.WriteEndObject();
        }
        if (e.Rating is { } rating) j.WriteNumber("rating"u8, rating);
        if (e.Channel is { } channel) j.WriteString("channel"u8, channel.ToWire());
        if (e.Page is not null) j.WriteString("page"u8, e.Page);
        if (e.Visitor is not null) j.WriteString("visitor"u8, e.Visitor);
        j.WriteEndObject();
        return EndLine(keepCopy);
    }

    /// <summary>Writes a line already produced (an exact duplicate of an earlier event).</summary>
    public void WriteRaw(ReadOnlySpan<byte> line)
    {
        _buffer.Write(line);
        FlushIfFull();
    }

    private void WriteSearch(WireEvent e)
    {
        var j = _json;
        j.WriteStartObject("search"u8);
        j.WriteString("kind"u8, e.SearchKind.ToWire());
        if (e.SearchText is not null) j.WriteString("text"u8, e.SearchText);
        if (e.Filters.Count > 0)
        {
            j.WriteStartArray("filters"u8);
            foreach (var f in e.Filters)
            {
                j.WriteStartObject();
                j.WriteString("field"u8, f.Field);
                j.WriteString("value"u8, f.Value);
                j.WriteEndObject();
            }
            j.WriteEndArray();
        }
        if (e.Expression is not null) j.WriteString("expression"u8, e.Expression);
        if (e.Reference is { } reference)
        {
            j.WriteStartObject("reference"u8);
            j.WriteString("id"u8, reference.Id);
            if (reference.Name is not null) j.WriteString("name"u8, reference.Name);
            j.WriteEndObject();
        }
        if (e.Results is { } results) j.WriteNumber("results"u8, results);
        j.WriteEndObject();
    }

    private byte[]? EndLine(bool keepCopy)
    {
        _json.Flush();
        _buffer.Write("\n"u8);
        // Each line is its own JSON document; Reset lets the writer start the next one.
        _json.Reset(_buffer);
        var copy = keepCopy ? _buffer.WrittenSpan[_lastStart..].ToArray() : null;
        FlushIfFull();
        return copy;
    }

    private void FlushIfFull()
    {
        if (_buffer.WrittenCount < FlushThreshold) return;
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
    }

    public void Flush()
    {
        if (_buffer.WrittenCount > 0) _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _output.Flush();
    }

    public void Dispose() => _json.Dispose();
}
