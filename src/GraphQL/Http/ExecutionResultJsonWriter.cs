using System.Collections;
using System.Globalization;
using System.Text.Json;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution;

namespace GraphReports.GraphQL.Http;

/// <summary>
/// Writes a response as the specification's JSON map: <c>errors</c> first when there are any, then
/// <c>data</c> (absent, not null, for a request error), then <c>extensions</c>. Writes straight into the
/// response's buffer with <see cref="Utf8JsonWriter"/>, never through an intermediate string.
/// </summary>
public static class ExecutionResultJsonWriter
{
    /// <summary>Writes <paramref name="result"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            writer.WritePropertyName("errors"u8);
            WriteErrors(writer, result.Errors);
        }
        if (result.HasData)
        {
            writer.WritePropertyName("data"u8);
            WriteValue(writer, result.Data);
        }
        if (result.Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, result.Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the errors list of a request refused before execution.</summary>
    internal static void WriteRequestError(Utf8JsonWriter writer, string message)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("errors"u8);
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteString("message"u8, message);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("message"u8, error.Message);
            if (error.Locations.Count > 0)
            {
                writer.WritePropertyName("locations"u8);
                writer.WriteStartArray();
                foreach (var location in error.Locations)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line"u8, location.Line);
                    writer.WriteNumber("column"u8, location.Column);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            if (error.Path is { } path)
            {
                writer.WritePropertyName("path"u8);
                WriteValue(writer, path);
            }
            if (error.Extensions is { Count: > 0 } extensions)
            {
                writer.WritePropertyName("extensions"u8);
                WriteValue(writer, extensions);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: WriteFloat(writer, d); break;
            case float f: WriteFloat(writer, f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case short or byte or sbyte or ushort or uint: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case Enum e: writer.WriteStringValue(e.ToString()); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto); break;
            case DateTime dt: writer.WriteStringValue(dt); break;
            case Guid g: writer.WriteStringValue(g); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                    WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                // A custom scalar's serialized form that is none of the above (a date, a Guid...): its text.
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    // JSON has no NaN or infinity; the engine's Float coercion refuses them, so this is only a guard.
    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
