using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Intake;

/// <summary>Counts of an import so far (or at its end).</summary>
public sealed record ImportProgress(long Lines, long Accepted, long Duplicates, long Rejected);

/// <summary>
/// One import of NDJSON of any size, in constant memory: <see cref="ReadEventsAsync"/> yields the
/// valid events (to feed a store's bulk path) and keeps count of lines and rejections. Unlike the
/// HTTP collector, a malformed or oversized line does not stop an import: it is rejected like an
/// invalid event, and written to the optional rejected-lines output as one JSON object per line:
/// <c>{"line": 12, "error": "...", "text": "the line as it was"}</c>.
/// </summary>
public sealed class NdjsonImport(EventJsonReader reader, Stream input, Stream? rejectedOutput = null, int maxLineBytes = 1024 * 1024)
{
    /// <summary>Lines read so far (blank lines not counted).</summary>
    public long Lines { get; private set; }

    /// <summary>Lines rejected so far.</summary>
    public long Rejected { get; private set; }

    /// <summary>The valid events, in input order. Enumerate once.</summary>
    public async IAsyncEnumerable<ActivityEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = new NdjsonEventSource(input, maxLineBytes, skipOversized: true);
        using var rejections = rejectedOutput is null ? null : new Utf8JsonWriter(rejectedOutput, RejectionOptions);
        while (await source.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            Lines++;
            string error;
            if (source.CurrentIsOversized) error = $"the line is longer than the limit of {maxLineBytes} bytes";
            else
            {
                var result = reader.Read(source.Current.Span);
                if (result.Event is { } e) { yield return e; continue; }
                error = result.Error!;
            }
            Rejected++;
            if (rejections is not null) WriteRejection(rejections, source, error);
        }
        if (rejections is not null) await rejectedOutput!.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // The file is read by people: reasons keep their `backticks` instead of \u0060 (quotes and control characters are still escaped).
    private static readonly JsonWriterOptions RejectionOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private void WriteRejection(Utf8JsonWriter json, NdjsonEventSource source, string error)
    {
        json.WriteStartObject();
        json.WriteNumber("line", source.Line);
        json.WriteString("error", error);
        // The line may not be JSON at all, so it travels as a string (invalid UTF-8 replaced).
        json.WriteString("text", Encoding.UTF8.GetString(source.Current.Span));
        json.WriteEndObject();
        json.Flush();
        rejectedOutput!.WriteByte((byte)'\n');
        json.Reset();
    }
}
