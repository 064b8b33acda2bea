using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Intake;

/// <summary>
/// Writes events as NDJSON in the wire format of REPORTS.md §1, every field as it was accepted
/// (the timestamp with its original offset and every fractional digit), so that reading the lines
/// back (<see cref="NdjsonImport"/>) gives the same events. The <c>Indexer export</c> format.
/// </summary>
public sealed class EventNdjsonWriter(Stream output) : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Utf8JsonWriter _json = new(output, Options);

    public long Written { get; private set; }

    public void Write(ActivityEvent e)
    {
        var j = _json;
        j.WriteStartObject();
        j.WriteString("id", e.Id);
        j.WriteString("type", e.Type.ToWire());
        j.WriteString("timestamp", e.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        if (e.User is not null) j.WriteString("user", e.User);
        if (e.Session is not null) j.WriteString("session", e.Session);
        if (e.Asset is { } a)
        {
            j.WriteStartObject("asset");
            j.WriteString("id", a.Id);
            if (a.Name is not null) j.WriteString("name", a.Name);
            if (a.Folder is not null) j.WriteString("folder", a.Folder);
            if (a.Type is not null) j.WriteString("type", a.Type);
            j.WriteEndObject();
        }
        if (e.Collection is { } c) IdAndName("collection", c.Id, c.Name);
        if (e.Search is { } s)
        {
            j.WriteStartObject("search");
            j.WriteString("kind", s.Kind.ToWire());
            if (s.Text is not null) j.WriteString("text", s.Text);
            if (s.Filters.Count > 0)
            {
                j.WriteStartArray("filters");
                foreach (var f in s.Filters)
                {
                    j.WriteStartObject();
                    j.WriteString("field", f.Field);
                    j.WriteString("value", f.Value);
                    j.WriteEndObject();
                }
                j.WriteEndArray();
            }
            if (s.Expression is not null) j.WriteString("expression", s.Expression);
            if (s.Reference is { } r) IdAndName("reference", r.Id, r.Name);
            if (s.Results is { } results) j.WriteNumber("results", results);
            j.WriteEndObject();
        }
        if (e.Download is { } d) Transfer("download", d.Bulk, d.Batch, d.Preset);
        if (e.Upload is { } u) Transfer("upload", u.Bulk, u.Batch, null);
        if (e.Rating is { } rating) j.WriteNumber("rating", rating);
        if (e.Channel is { } channel) j.WriteString("channel", channel.ToWire());
        if (e.Page is not null) j.WriteString("page", e.Page);
        if (e.Visitor is not null) j.WriteString("visitor", e.Visitor);
        j.WriteEndObject();
        j.Flush();
        j.Reset(); // one JSON value per line
        output.WriteByte((byte)'\n');
        Written++;
    }

    private void IdAndName(string property, string id, string? name)
    {
        _json.WriteStartObject(property);
        _json.WriteString("id", id);
        if (name is not null) _json.WriteString("name", name);
        _json.WriteEndObject();
    }

    private void Transfer(string property, bool bulk, string? batch, string? preset)
    {
        _json.WriteStartObject(property);
        _json.WriteBoolean("bulk", bulk);
        if (batch is not null) _json.WriteString("batch", batch);
        if (preset is not null) _json.WriteString("preset", preset);
        _json.WriteEndObject();
    }

    public void Dispose() => _json.Dispose();
}
