using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace GraphReports.Analytics.Events;

/// <summary>
/// Turns one JSON event object (REPORTS.md §1) into a validated <see cref="ActivityEvent"/>, or a
/// rejection naming the field (<see cref="EventReadResult"/>). Reads UTF-8 directly with
/// <see cref="Utf8JsonReader"/>: no intermediate DOM and no strings besides the ones the event keeps.
/// Thread-safe; one instance can serve every request.
/// </summary>
/// <remarks>
/// Decisions beyond the letter of REPORTS.md, each for a reason:
/// <list type="bullet">
/// <item>Unknown properties are ignored, at the top level and inside nested objects, so that a
/// sender can add fields before this reader knows them (forward compatibility).</item>
/// <item>An <c>environment</c> property is rejected: the environment comes from the credential,
/// and silently ignoring it would let a sender believe it chose the tenant.</item>
/// <item>A property that appears twice is rejected: which value counts would be a guess.</item>
/// <item>JSON <c>null</c> means "absent" for every field (so a required field sent as null is missing;
/// <c>download.preset: null</c> is the original file, as the specification says).</item>
/// <item>Identifiers (<c>user</c>, <c>session</c>, <c>visitor</c>, <c>asset.id</c>, <c>collection.id</c>,
/// <c>search.reference.id</c>, batches, presets, filter fields) must not be empty; every string is at most
/// <see cref="MaxStringLength"/> characters, <c>id</c> at most <see cref="MaxIdLength"/>,
/// <c>asset.type</c> (a short word) at most <see cref="MaxAssetTypeLength"/>.</item>
/// <item><c>page</c> must be an absolute <c>http</c> or <c>https</c> URL (tracked web pages).</item>
/// <item><c>asset.folder</c> must not start with '/' nor contain empty segments; "" is the root folder.</item>
/// <item>Fields that a type does not need (a <c>rating</c> on a <c>search</c>) are validated and kept.</item>
/// </list>
/// </remarks>
public sealed class EventJsonReader
{
    /// <summary>Longest accepted <c>id</c>, in UTF-16 characters (REPORTS.md §1: 1..64).</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest accepted string for any other field.</summary>
    public const int MaxStringLength = 2048;

    /// <summary>Longest accepted <c>asset.type</c> ("image, video, raw or other short word").</summary>
    public const int MaxAssetTypeLength = 32;

    /// <summary>How far ahead of the server clock a timestamp may be.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    private static readonly (byte[] Name, EventType Type)[] TypeNames =
        EventTypeNames.All.Select(t => (Encoding.UTF8.GetBytes(t.ToWire()), t)).ToArray();
    private static readonly string TypeList = string.Join(", ", EventTypeNames.All.Select(t => t.ToWire()));

    private static readonly (byte[] Name, SearchKind Kind)[] KindNames =
        Enum.GetValues<SearchKind>().Select(k => (Encoding.UTF8.GetBytes(k.ToWire()), k)).ToArray();
    private static readonly string KindList = string.Join(", ", Enum.GetValues<SearchKind>().Select(k => k.ToWire()));

    private static readonly (byte[] Name, UsageChannel Channel)[] ChannelNames =
        Enum.GetValues<UsageChannel>().Select(c => (Encoding.UTF8.GetBytes(c.ToWire()), c)).ToArray();
    private static readonly string ChannelList = string.Join(", ", Enum.GetValues<UsageChannel>().Select(c => c.ToWire()));

    private readonly TimeProvider _time;

    /// <param name="timeProvider">The clock for the "not more than 5 minutes in the future" rule.</param>
    public EventJsonReader(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Reads one event from a parsed JSON value (for example an element of a JSON array body).</summary>
    public EventReadResult Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return EventReadResult.Rejected("", $"an event must be a JSON object, got {Describe(element.ValueKind)}");
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        reader.Read();
        return ReadObject(ref reader);
    }

    /// <summary>
    /// Reads one event from the UTF-8 bytes of exactly one JSON value (for example one NDJSON line,
    /// without its line break). Syntax errors give <see cref="EventReadResult.IsMalformedJson"/>.
    /// </summary>
    public EventReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read()) return EventReadResult.Malformed("not valid JSON: the input is empty");
            var result = ReadObject(ref reader);
            if (reader.Read())
                return EventReadResult.Malformed(
                    $"not valid JSON: unexpected content after the event, at byte {reader.TokenStartIndex}");
            return result;
        }
        catch (JsonException e)
        {
            // Positions within the event (one line of NDJSON): the caller names the line.
            var where = e.LineNumber is > 0 ? $"line {e.LineNumber + 1} of the event, byte {e.BytePositionInLine + 1}" : $"byte {e.BytePositionInLine + 1}";
            return EventReadResult.Malformed($"not valid JSON at {where}: {JsonSyntaxError.Reason(e)}");
        }
    }

    /// <summary>
    /// Reads one event from a reader positioned on the event's first token, and leaves it on the
    /// event's last token (the closing brace), also when the event is rejected, so that a caller
    /// can walk a JSON array of events in one pass. The whole event must be in the reader's buffer.
    /// Syntax errors throw <see cref="JsonException"/> from the reader.
    /// </summary>
    public EventReadResult ReadObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var what = Describe(ref reader);
            reader.Skip();
            return EventReadResult.Rejected("", $"an event must be a JSON object, got {what}");
        }
        var depth = reader.CurrentDepth;
        var fields = new EventFieldValues();
        if (ReadProperties(ref reader, ref fields, _time.GetUtcNow(), out var problem) && CheckRequired(ref fields, out problem))
            return EventReadResult.Accepted(fields.ToEvent());

        while (!(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) && reader.Read())
        {
        }
        return EventReadResult.Rejected(problem.Field, problem.Message);
    }

    private static bool ReadProperties(ref Utf8JsonReader r, ref EventFieldValues f, DateTimeOffset now, out Problem p)
    {
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var (prop, name) = Identify(ref r);
            if (prop != TopProperty.Unknown && !FirstTime(ref seen, (int)prop, name, out p)) return false;
            r.Read();
            bool ok;
            string? why;
            switch (prop)
            {
                case TopProperty.Id:
                    ok = TryString(ref r, 1, MaxIdLength, out f.Id, out why, recurring: false);
                    break;
                case TopProperty.Type:
                    ok = TryEnum(ref r, TypeNames, TypeList, out f.Type, out why);
                    break;
                case TopProperty.Timestamp:
                    ok = TryTimestamp(ref r, now, out f.Timestamp, out why);
                    break;
                case TopProperty.User:
                    ok = TryString(ref r, 1, MaxStringLength, out f.User, out why);
                    break;
                case TopProperty.Session:
                    ok = TryString(ref r, 1, MaxStringLength, out f.Session, out why);
                    break;
                case TopProperty.Visitor:
                    ok = TryString(ref r, 1, MaxStringLength, out f.Visitor, out why);
                    break;
                case TopProperty.Asset:
                    if (!NestedObjects.TryAsset(ref r, out f.Asset, out p)) return false;
                    continue;
                case TopProperty.Collection:
                    if (!NestedObjects.TryCollection(ref r, out f.Collection, out p)) return false;
                    continue;
                case TopProperty.Search:
                    if (!NestedObjects.TrySearch(ref r, out f.Search, out p)) return false;
                    continue;
                case TopProperty.Download:
                    if (!NestedObjects.TryDownload(ref r, out f.Download, out p)) return false;
                    continue;
                case TopProperty.Upload:
                    if (!NestedObjects.TryUpload(ref r, out f.Upload, out p)) return false;
                    continue;
                case TopProperty.Rating:
                    ok = TryInteger(ref r, 1, 5, out f.Rating, out why);
                    break;
                case TopProperty.Channel:
                    ok = TryEnum(ref r, ChannelNames, ChannelList, out f.Channel, out why);
                    break;
                case TopProperty.Page:
                    ok = TryAbsoluteUrl(ref r, out f.Page, out why);
                    break;
                case TopProperty.Environment:
                    p = new Problem("environment",
                        "`environment` must not be sent in an event: the environment comes from the credential the events are sent with");
                    return false;
                default:
                    r.Skip(); // forward compatibility: unknown properties are ignored
                    continue;
            }
            if (!ok)
            {
                p = new Problem(name, $"`{name}` {why}");
                return false;
            }
        }
        p = default;
        return true;
    }

    private static bool CheckRequired(ref EventFieldValues f, out Problem p)
    {
        if (f.Id is null) { p = new Problem("id", "`id` is required"); return false; }
        if (f.Type is not { } type) { p = new Problem("type", $"`type` is required (one of {TypeList})"); return false; }
        if (f.Timestamp is null)
        {
            p = new Problem("timestamp", "`timestamp` is required (RFC 3339 with offset, e.g. 2026-11-22T10:15:00Z)");
            return false;
        }
        var needs = EventRequirements.For(type);
        var present = f.Present();
        var missing = needs & ~present;
        if (missing != EventFields.None)
        {
            var first = (EventFields)((int)missing & -(int)missing); // lowest bit: user before session before objects
            var name = EventRequirements.WireName(first);
            p = new Problem(name, $"`{name}` is required for events of type `{type.ToWire()}`");
            return false;
        }
        p = default;
        return true;
    }

    private static (TopProperty, string) Identify(ref Utf8JsonReader r)
    {
        foreach (var (bytes, prop, name) in TopProperties)
            if (r.ValueTextEquals(bytes)) return (prop, name);
        return (TopProperty.Unknown, "");
    }

    private static readonly (byte[] Bytes, TopProperty Prop, string Name)[] TopProperties =
        Enum.GetValues<TopProperty>().Where(p => p != TopProperty.Unknown)
            .Select(p => (Encoding.UTF8.GetBytes(p.ToString().ToLowerInvariant()), p, p.ToString().ToLowerInvariant()))
            .ToArray();

    /// <summary>Top-level wire properties; the lower-cased name is the wire name, the value a bit for duplicate detection.</summary>
    private enum TopProperty
    {
        Unknown = 0,
        Id = 1 << 0, Type = 1 << 1, Timestamp = 1 << 2, User = 1 << 3, Session = 1 << 4, Asset = 1 << 5,
        Collection = 1 << 6, Search = 1 << 7, Download = 1 << 8, Upload = 1 << 9, Rating = 1 << 10,
        Channel = 1 << 11, Page = 1 << 12, Visitor = 1 << 13, Environment = 1 << 14,
    }

    // ---- value readers shared with NestedObjects: each returns false with the tail of a message
    // ("must be a string, got a number (5)"); the caller prefixes the field path, so that paths are
    // only built for rejected events.

    internal static bool FirstTime(ref int seen, int bit, string path, out Problem p)
    {
        if ((seen & bit) != 0)
        {
            p = new Problem(path, $"`{path}` appears more than once");
            return false;
        }
        seen |= bit;
        p = default;
        return true;
    }

    // recurring: whether values repeat across events (everything but the event id), to decode once (RecurringStrings).
    internal static bool TryString(ref Utf8JsonReader r, int minLength, int maxLength, out string? value, out string? why, bool recurring = true)
    {
        value = null;
        why = null;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.String)
        {
            why = $"must be a string, got {Describe(ref r)}";
            r.Skip();
            return false;
        }
        var s = recurring ? RecurringStrings.Current.Get(ref r) : r.GetString()!;
        if (s.Length < minLength)
        {
            why = "must not be empty";
            return false;
        }
        if (s.Length > maxLength)
        {
            why = $"must be at most {maxLength} characters long, got {s.Length}";
            return false;
        }
        value = s;
        return true;
    }

    internal static bool TryInteger(ref Utf8JsonReader r, int min, int max, out int? value, out string? why)
    {
        value = null;
        why = null;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var n) && n >= min && n <= max)
        {
            value = n;
            return true;
        }
        why = (max == int.MaxValue ? $"must be an integer of at least {min}" : $"must be an integer from {min} to {max}")
            + $", got {Describe(ref r)}";
        r.Skip();
        return false;
    }

    internal static bool TryBoolean(ref Utf8JsonReader r, out bool? value, out string? why)
    {
        value = null;
        why = null;
        switch (r.TokenType)
        {
            case JsonTokenType.Null: return true;
            case JsonTokenType.True: value = true; return true;
            case JsonTokenType.False: value = false; return true;
            default:
                why = $"must be true or false, got {Describe(ref r)}";
                r.Skip();
                return false;
        }
    }

    internal static bool TryEnum<T>(ref Utf8JsonReader r, (byte[] Name, T Value)[] names, string list, out T? value, out string? why)
        where T : struct
    {
        value = null;
        why = null;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType == JsonTokenType.String)
            foreach (var (name, v) in names)
                if (r.ValueTextEquals(name))
                {
                    value = v;
                    return true;
                }
        why = $"must be one of {list}; got {Describe(ref r)}";
        r.Skip();
        return false;
    }

    internal static bool TrySearchKind(ref Utf8JsonReader r, out SearchKind? kind, out string? why) =>
        TryEnum(ref r, KindNames, KindList, out kind, out why);

    private static bool TryTimestamp(ref Utf8JsonReader r, DateTimeOffset now, out DateTimeOffset? value, out string? why)
    {
        value = null;
        why = null;
        if (r.TokenType == JsonTokenType.Null) return true;
        if (r.TokenType != JsonTokenType.String)
        {
            why = $"must be an RFC 3339 date-time string with offset, got {Describe(ref r)}";
            r.Skip();
            return false;
        }
        // Escaped or split timestamps are rare enough to pay for a copy.
        var text = !r.ValueIsEscaped && !r.HasValueSequence ? r.ValueSpan : Encoding.UTF8.GetBytes(r.GetString()!);
        switch (Rfc3339.TryParse(text, out var ts))
        {
            case Rfc3339.ParseStatus.MissingOffset:
                why = $"must carry a UTC offset (Z or ±hh:mm), e.g. 2026-11-22T10:15:00Z; got {Describe(ref r)}";
                return false;
            case Rfc3339.ParseStatus.Invalid:
                why = $"must be an RFC 3339 date-time with offset, e.g. 2026-11-22T10:15:00Z or 2026-11-22T11:15:00+01:00; got {Describe(ref r)}";
                return false;
        }
        if (ts > now + MaxFutureSkew)
        {
            why = $"is more than {MaxFutureSkew.TotalMinutes:0} minutes in the future ({ts:yyyy-MM-ddTHH:mm:ssK} while the server time is {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})";
            return false;
        }
        value = ts;
        return true;
    }

    private static bool TryAbsoluteUrl(ref Utf8JsonReader r, out string? value, out string? why)
    {
        if (!TryString(ref r, 1, MaxStringLength, out value, out why)) return false;
        if (value is null || KnownValidUrls.Current.IsKnownValid(value)) return true;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            KnownValidUrls.Current.AddValid(value);
            return true;
        }
        why = $"must be an absolute http(s) URL, got \"{Shorten(value)}\"";
        value = null;
        return false;
    }

    internal static string Describe(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Shorten(r.GetString()!)}\"",
        JsonTokenType.Number => $"the number {Shorten(Encoding.UTF8.GetString(r.HasValueSequence ? r.ValueSequence.ToArray() : r.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => r.TokenType.ToString(),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string Shorten(string s) => s.Length <= 64 ? s : s[..61] + "...";
}

/// <summary>A rejection under construction: the field path and the sentence for people.</summary>
internal readonly record struct Problem(string Field, string Message);
